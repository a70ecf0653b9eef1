// Copy buttons: <button data-copy="ID"> copies the value of the field #ID and says so in the
// [data-copy-status="ID"] live region. The button stays hidden without JavaScript (the field is still there
// to select). No inline script: the Content-Security-Policy forbids it.
(function () {
  "use strict";
  function say(id, text) {
    var status = document.querySelector('[data-copy-status="' + id + '"]');
    if (status) { status.textContent = text; }
  }
  function fallback(field) {
    field.focus();
    field.select();
    return document.execCommand && document.execCommand("copy");
  }
  function copy(button) {
    var id = button.getAttribute("data-copy");
    var field = document.getElementById(id);
    if (!field) { return; }
    var done = function () { say(id, "Adressen är kopierad."); };
    var failed = function () { say(id, fallback(field) ? "Adressen är kopierad." : "Markera adressen och kopiera den själv."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, failed);
    } else {
      failed();
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("button[data-copy]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { copy(button); });
    });
  });
})();
