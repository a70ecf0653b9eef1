// Warn before leaving a page while a form marked data-warn-unsaved holds typed, unsaved text.
// Listening on the document covers fields tied to a form by the form attribute and forms that
// htmx swaps in after an inline save; submitting a form (htmx or not) clears its mark.
(function () {
  "use strict";
  if (window.samverkanWatchesUnsaved) { return; }  // htmx may load this page part again
  window.samverkanWatchesUnsaved = true;
  var dirty = new Set();
  var watched = function (target) {
    var form = target && target.form;
    return form && form.hasAttribute("data-warn-unsaved") ? form : null;
  };
  var mark = function (event) {
    var form = watched(event.target);
    if (form) { dirty.add(form); }
  };
  document.addEventListener("input", mark);
  document.addEventListener("change", mark);
  document.addEventListener("submit", function (event) { dirty.delete(event.target); }, true);
  window.addEventListener("beforeunload", function (event) {
    dirty.forEach(function (form) { if (!document.contains(form)) { dirty.delete(form); } });
    if (dirty.size > 0) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
