// Sorting (click or Enter on a column header) and filtering, offline; no article
// text is ever put into this script: it reads the table that the page already shows.
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };
  var collator = window.Intl ? new Intl.Collator(undefined, { numeric: true, sensitivity: "base" }) : null;
  var keyOf = function (cell, numeric) {
    var v = cell.getAttribute("data-v");
    if (v === null) { v = cell.textContent; }
    return numeric ? (parseFloat(v) || 0) : v.toLowerCase();
  };
  // The script holds no interface text: it comes from the page, in the page's
  // language (`data-sort-label` on <body>), never from article text.
  var sortLabel = document.body.getAttribute("data-sort-label") || "";
  each(document.querySelectorAll("table.sortable"), function (table) {
    var heads = table.tHead.rows[0].cells;
    each(heads, function (th, col) {
      th.tabIndex = 0;
      if (sortLabel) { th.title = th.title ? th.title + " \u2014 " + sortLabel : sortLabel; }
      var sort = function () {
        var numeric = th.classList.contains("n");
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        each(heads, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows).map(function (r, i) {
          return { row: r, key: keyOf(r.cells[col], numeric), i: i };
        });
        rows.sort(function (a, b) {
          var c = numeric ? a.key - b.key : collator ? collator.compare(a.key, b.key) : a.key.localeCompare(b.key);
          return c === 0 ? a.i - b.i : c * dir;
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r.row); });
        body.appendChild(frag);
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) {
        if (e.key === "Enter" || e.key === " ") { e.preventDefault(); sort(); }
      });
    });
  });
  var filter = document.getElementById("filter");
  var shown = document.getElementById("shown");
  var table = document.getElementById("articles");
  if (filter && table) {
    var apply = function () {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var count = 0;
      each(table.tBodies[0].rows, function (r) {
        var text = r.textContent.toLowerCase();
        var ok = words.every(function (w) { return text.indexOf(w) >= 0; });
        r.hidden = !ok;
        var d = document.getElementById("a" + r.getAttribute("data-i"));
        if (d) { d.hidden = !ok; }
        if (ok) { count += 1; }
      });
      if (shown) { shown.textContent = String(count); }
    };
    filter.addEventListener("input", apply);
    apply();
  }
  var toggle = function (open) {
    return function () { each(document.querySelectorAll("details.article"), function (d) { d.open = open; }); };
  };
  var ex = document.getElementById("expand"), co = document.getElementById("collapse");
  if (ex) { ex.addEventListener("click", toggle(true)); }
  if (co) { co.addEventListener("click", toggle(false)); }
  // A link to an article (from the table or a chart) opens its list of sentences.
  var openTarget = function () {
    var d = location.hash ? document.getElementById(location.hash.slice(1)) : null;
    if (d && d.tagName === "DETAILS") { d.open = true; }
  };
  window.addEventListener("hashchange", openTarget);
  openTarget();
})();
