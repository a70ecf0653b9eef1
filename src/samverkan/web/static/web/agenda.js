// Drag and drop for the agenda builder. Without JavaScript the ↑ ↓ buttons do the same.
(function () {
  "use strict";
  var list = document.getElementById("dagordning");
  if (!list) return;
  var dragged = null;

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function saveOrder() {
    var order = Array.prototype.map.call(list.querySelectorAll(":scope > li"), function (li) {
      return li.dataset.item;
    });
    var body = new URLSearchParams({ order: order.join(","), version: list.dataset.version });
    fetch(list.dataset.reorderUrl, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() }
    }).then(function (response) {
      if (response.ok) { window.location.reload(); return; }
      return response.text().then(function (message) { window.alert(message); window.location.reload(); });
    });
  }

  list.addEventListener("dragstart", function (event) {
    dragged = event.target.closest("li.agenda-row");
    if (dragged) { dragged.classList.add("dragging"); event.dataTransfer.effectAllowed = "move"; }
  });
  list.addEventListener("dragover", function (event) {
    var over = event.target.closest("li.agenda-row");
    if (!dragged || !over || over === dragged) return;
    event.preventDefault();
    var rect = over.getBoundingClientRect();
    var after = event.clientY > rect.top + rect.height / 2;
    list.insertBefore(dragged, after ? over.nextSibling : over);
  });
  list.addEventListener("dragend", function () {
    if (!dragged) return;
    dragged.classList.remove("dragging");
    dragged = null;
    saveOrder();
  });
  // A move reloads the page; keyboard users keep their place on the moved item's button
  // (WCAG 2.4.3), or on the other one when the item reached the top or the bottom.
  var MOVED = "samverkan-moved-item";
  list.querySelectorAll("form[data-move]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      var button = event.submitter;
      if (button) sessionStorage.setItem(MOVED, JSON.stringify({ item: form.dataset.move, direction: button.value }));
    });
  });
  function focusMovedItem() {
    var moved = JSON.parse(sessionStorage.getItem(MOVED) || "null");
    sessionStorage.removeItem(MOVED);
    var row = moved && document.getElementById("punkt-" + moved.item);
    if (!row) return;
    var same = row.querySelector("button[name=direction][value=" + moved.direction + "]");
    var other = row.querySelector("button[name=direction]:not([value=" + moved.direction + "])");
    var target = same && !same.disabled ? same : other;
    if (target && !target.disabled) target.focus();
  }
  // After "load": scrolling to the #punkt-… fragment moves the focus to the viewport.
  window.addEventListener("load", function () { window.setTimeout(focusMovedItem, 0); });

  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
