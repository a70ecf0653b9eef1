// The browser import: a drop zone over the file input (which works alone without JavaScript).
// The batch's file list is refreshed while files are being read by web/poll-list.js.
(function () {
  "use strict";
  var input = document.getElementById("filer");
  var zone = document.getElementById("slappyta");
  var chosen = document.getElementById("valda-filer");

  function showChosen() {
    if (!chosen || !input) return;
    chosen.textContent = "";
    Array.prototype.forEach.call(input.files, function (file) {
      var li = document.createElement("li");
      li.textContent = file.name;
      chosen.appendChild(li);
    });
  }

  if (input && zone) {
    input.addEventListener("change", showChosen);
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (event) {
        event.preventDefault();
        zone.classList.add("dragging");
      });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
    });
    zone.addEventListener("drop", function (event) {
      event.preventDefault();
      if (event.dataTransfer && event.dataTransfer.files.length) {
        input.files = event.dataTransfer.files;
        showChosen();
      }
    });
  }
})();
