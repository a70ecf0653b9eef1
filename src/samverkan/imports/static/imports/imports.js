// The browser import: a drop zone over the file input (which works alone without JavaScript),
// and the batch's file list refreshed while files are being read.
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

  var POLL_MS = 2000;
  function poll() {
    var list = document.getElementById("importfiler");
    if (!list || list.dataset.pending !== "1") return;
    window.setTimeout(function () {
      fetch(list.dataset.pollUrl, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) throw new Error(response.statusText);
        return response.text();
      }).then(function (html) {
        var template = document.createElement("template");
        template.innerHTML = html.trim();
        var fresh = template.content.firstElementChild;
        if (fresh) list.replaceWith(fresh);
        poll();
      }).catch(function () { window.setTimeout(poll, POLL_MS * 5); });
    }, POLL_MS);
  }
  poll();
})();
