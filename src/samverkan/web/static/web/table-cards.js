// Wide tables read as stacked cards on narrow screens (WCAG 1.4.10 reflow without squeezed columns).
// Each data cell gets its column's heading as data-label, which the CSS shows before the value at
// 40rem and below. The table's roles are set explicitly, because some browsers drop table semantics
// once rows and cells are displayed as blocks. Without JavaScript the table stays a table and wraps.
(function () {
  "use strict";
  var MIN_COLUMNS = 4;

  function headings(table) {
    var row = table.tHead && table.tHead.rows[0];
    if (!row) { return null; }
    var names = [];
    for (var i = 0; i < row.cells.length; i++) {
      if (row.cells[i].colSpan > 1) { return null; }  // labels would not line up with cells
      names.push(row.cells[i].textContent.trim());
    }
    return names.length >= MIN_COLUMNS ? names : null;
  }

  function asCards(table) {
    var names = headings(table);
    if (!names) { return; }
    table.setAttribute("role", "table");
    Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
      group.setAttribute("role", "rowgroup");
    });
    Array.prototype.forEach.call(table.querySelectorAll("tr"), function (row) {
      row.setAttribute("role", "row");
      Array.prototype.forEach.call(row.cells, function (cell, index) {
        var header = cell.tagName === "TH";
        var inHead = row.parentNode === table.tHead;
        cell.setAttribute("role", inHead ? "columnheader" : (header ? "rowheader" : "cell"));
        if (!inHead && names[index]) { cell.setAttribute("data-label", names[index]); }
      });
    });
    table.classList.add("as-cards");
  }

  function all(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll("main table"), asCards);
  }

  document.addEventListener("DOMContentLoaded", function () { all(document); });
  // Tables that htmx brings in later (inline saves, polling) become cards as well.
  document.addEventListener("htmx:afterSettle", function (event) { all(event.target); });
}());
