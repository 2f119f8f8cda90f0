// yoy batch index: sort by a column, filter by text, issuer and status. No framework, no network.
(function () {
  "use strict";
  var table = document.getElementById("index");
  var body = table.tBodies[0];
  var controls = document.querySelector(".controls");
  var text = document.getElementById("filter");
  var issuer = document.getElementById("issuer");
  var status = document.getElementById("status");
  var shown = document.getElementById("shown");
  controls.hidden = false;

  function apply() {
    var q = text.value.trim().toLowerCase();
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var ok = (!q || row.textContent.toLowerCase().indexOf(q) >= 0) &&
        (!issuer.value || row.getAttribute("data-issuer") === issuer.value) &&
        (!status.value || row.getAttribute("data-status") === status.value);
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = n + " / " + body.rows.length + " rows";
  }

  function sortBy(th, index) {
    var numeric = th.getAttribute("data-type") === "num";
    var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows).map(function (row, i) { return [row, i]; });
    rows.sort(function (a, b) {
      var x = a[0].cells[index].textContent, y = b[0].cells[index].textContent;
      var d = numeric ? (parseFloat(x) || 0) - (parseFloat(y) || 0) : x.localeCompare(y);
      return d !== 0 ? d * dir : a[1] - b[1];
    });
    rows.forEach(function (r) { body.appendChild(r[0]); });
  }

  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    th.querySelector("button").addEventListener("click", function () { sortBy(th, index); });
  });
  [text, issuer, status].forEach(function (el) { el.addEventListener("input", apply); });
  apply();
  document.documentElement.setAttribute("data-ready", "1");
})();
