// "Markera alla närvarande" and "Alla från <organisation> närvarande" on the attendance form.
// The buttons stay hidden without JavaScript; the form works the same either way.
(function () {
  "use strict";
  var form = document.querySelector("form.attendance-form");
  if (!form) { return; }
  form.querySelectorAll(".mark-all").forEach(function (holder) { holder.hidden = false; });
  form.addEventListener("click", function (event) {
    var button = event.target.closest("[data-mark-present]");
    if (!button) { return; }
    var scope = button.dataset.markPresent === "all" ? form : button.closest("fieldset");
    scope.querySelectorAll("input[type=checkbox][name^='present-']").forEach(function (box) {
      if (!box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });
})();
