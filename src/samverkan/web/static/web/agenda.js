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
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
})();
