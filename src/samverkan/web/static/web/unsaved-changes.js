// Warn before leaving a page whose form (marked data-warn-unsaved) has typed, unsaved changes.
// Inputs tied to the form by the form attribute count too; submitting the form clears the warning.
(function () {
  "use strict";
  document.querySelectorAll("form[data-warn-unsaved]").forEach(function (form) {
    var dirty = false;
    var mark = function (event) {
      if (event.target.form === form) { dirty = true; }
    };
    document.addEventListener("input", mark);
    document.addEventListener("change", mark);
    form.addEventListener("submit", function () { dirty = false; });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) {
        event.preventDefault();
        event.returnValue = "";
      }
    });
  });
})();
