"use strict";
// Progressive enhancement only: the page is complete and readable without this script.
// Adds filters, collapsing, next/previous change (keys n and p), the view switch and table sorting.
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var data = JSON.parse(document.getElementById("data").textContent);
  var L = data.labels;
  var sections = document.getElementById("sections");
  var rows = Array.prototype.slice.call(document.querySelectorAll("#sections .row"));
  var pairs = Array.prototype.slice.call(document.querySelectorAll("#sections .pair"));
  var planRows = Array.prototype.slice.call(document.querySelectorAll("#plan tbody tr"));
  var kinds = data.kinds.map(function (k) { return k[0]; });
  var kindLabel = {};
  data.kinds.forEach(function (k) { kindLabel[k[0]] = k[1]; });
  var shown = {};           // change kind (or "same") -> checkbox
  var focus = null;         // "sec-added", "plan-partly", a change kind, or null
  var current = null;       // the row n/p last moved to
  var status;

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function kindOf(row) {
    for (var i = 0; i < kinds.length; i++) { if (row.classList.contains(kinds[i])) { return kinds[i]; } }
    return "same";
  }

  // ---- filtering
  function apply() {
    var statusFocus = focus && focus.indexOf("sec-") === 0 ? "st-" + focus.slice(4) : null;
    var planFocus = focus && focus.indexOf("plan-") === 0 ? "st-" + focus.slice(5) : null;
    rows.forEach(function (row) { row.hidden = !shown[kindOf(row)].checked; });
    pairs.forEach(function (pair) {
      var own = pair.querySelectorAll(".row");
      var any = own.length === 0;
      for (var i = 0; i < own.length && !any; i++) { if (!own[i].hidden) { any = true; } }
      pair.hidden = !any || (statusFocus !== null && !pair.classList.contains(statusFocus));
    });
    planRows.forEach(function (tr) { tr.hidden = planFocus !== null && !tr.classList.contains(planFocus); });
    document.querySelectorAll(".only").forEach(function (p) {
      p.classList.toggle("active", focus !== null && p.id === "only-" + focus);
    });
  }
  function setFocus(key) {
    focus = key;
    var only = key && kinds.indexOf(key) >= 0 ? key : null;
    Object.keys(shown).forEach(function (k) { shown[k].checked = only === null || k === only; });
    apply();
  }
  function showAll() {
    if (focus !== null && location.hash.indexOf("#only-") === 0) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    setFocus(null);
  }

  // ---- controls
  function buildControls() {
    var bar = el("div", { "class": "controls", role: "toolbar", "aria-label": L.show });
    var fs = el("fieldset", { "class": "filters" });
    fs.appendChild(el("legend", {}, L.show));
    kinds.concat(["same"]).forEach(function (k) {
      var n = k === "same" ? document.querySelectorAll("#sections .row.same").length
                           : document.querySelectorAll("#sections .row." + k).length;
      var lab = el("label", { "class": "k-" + k });
      var box = el("input", { type: "checkbox", name: "show", value: k });
      box.checked = true;
      box.addEventListener("change", function () { focus = null; apply(); });
      shown[k] = box;
      lab.appendChild(box);
      lab.appendChild(document.createTextNode(" " + (k === "same" ? L.unchanged : kindLabel[k]) + " (" + n + ")"));
      if (n === 0 && k !== "same") { lab.hidden = true; }
      fs.appendChild(lab);
    });
    bar.appendChild(fs);

    var collapse = el("label", { "class": "collapse" });
    var cbox = el("input", { type: "checkbox", name: "collapse" });
    cbox.addEventListener("change", function () {
      document.querySelectorAll("#sections .pair.same > details").forEach(function (d) { d.open = !cbox.checked; });
    });
    collapse.appendChild(cbox);
    collapse.appendChild(document.createTextNode(" " + L.collapse));
    bar.appendChild(collapse);

    var nav = el("span", { "class": "nav" });
    var prev = el("button", { type: "button", "class": "prev", title: L.prev + " (p)" });
    prev.appendChild(document.createTextNode("↑ " + L.prev + " "));
    prev.appendChild(el("kbd", {}, "p"));
    var next = el("button", { type: "button", "class": "next", title: L.next + " (n)" });
    next.appendChild(document.createTextNode("↓ " + L.next + " "));
    next.appendChild(el("kbd", {}, "n"));
    prev.addEventListener("click", function () { step(-1); });
    next.addEventListener("click", function () { step(1); });
    status = el("span", { "class": "status", "aria-live": "polite" });
    nav.appendChild(prev); nav.appendChild(document.createTextNode(" ")); nav.appendChild(next);
    nav.appendChild(document.createTextNode(" ")); nav.appendChild(status);
    bar.appendChild(nav);

    var view = el("span", { "class": "view" });
    view.appendChild(document.createTextNode(L.view + " "));
    var side = el("button", { type: "button", "data-view": "side" }, L.side_by_side);
    var inline = el("button", { type: "button", "data-view": "inline" }, L.inline);
    function setView(mode) {
      root.classList.toggle("view-inline", mode === "inline");
      root.classList.toggle("view-side", mode === "side");
      side.setAttribute("aria-pressed", String(mode === "side"));
      inline.setAttribute("aria-pressed", String(mode === "inline"));
    }
    side.addEventListener("click", function () { setView("side"); });
    inline.addEventListener("click", function () { setView("inline"); });
    setView(window.matchMedia("(max-width: 44rem)").matches ? "inline" : "side");
    view.appendChild(side); view.appendChild(document.createTextNode(" ")); view.appendChild(inline);
    bar.appendChild(view);

    var h2 = sections.querySelector("h2");
    h2.parentNode.insertBefore(bar, h2.nextSibling);
  }

  // ---- next / previous change
  function visibleChanges() {
    return rows.filter(function (r) { return r.classList.contains("chg") && r.offsetParent !== null; });
  }
  function step(dir) {
    document.querySelectorAll("#sections .pair.changed > details:not([open])").forEach(function (d) { d.open = true; });
    var list = visibleChanges();
    if (list.length === 0) { status.textContent = L.no_more; return; }
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) {
      // start from the viewport: the first change below (or last above) the top of the window
      var top = 80;
      i = dir > 0 ? -1 : list.length;
      for (var k = 0; k < list.length; k++) {
        var y = list[k].getBoundingClientRect().top;
        if (dir > 0 && y <= top) { i = k; }
        if (dir < 0 && y < top) { i = k + 1; }
      }
    }
    var j = i + dir;
    if (j < 0 || j >= list.length) { status.textContent = L.no_more; return; }
    if (current) { current.classList.remove("current"); }
    current = list[j];
    current.classList.add("current");
    current.scrollIntoView({ block: "center" });
    status.textContent = (j + 1) + " / " + list.length;
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "p") { step(-1); ev.preventDefault(); }
  });

  // ---- links: filtered views and passages
  function follow() {
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* a malformed %-escape (#%E0%A4%A): use it as typed */ }
    document.querySelectorAll(".hl").forEach(function (e) { e.classList.remove("hl"); });
    if (hash.indexOf("only-") === 0) {
      setFocus(hash.slice(5));
      var banner = document.getElementById(hash);
      if (banner) { banner.scrollIntoView({ block: "start" }); }
      return;
    }
    if (focus !== null) { setFocus(null); }  // leaving a filtered view ("show everything" or any other link)
    var target = hash ? document.getElementById(hash) : null;
    if (!target) { return; }
    if (target.closest("[hidden]")) { showAll(); }
    for (var d = target.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
    var marked = document.querySelectorAll(".m-" + hash);
    marked.forEach(function (e) { e.classList.add("hl"); });
    var shownEl = target;
    if (target.offsetParent === null && marked.length) {
      for (var i = 0; i < marked.length; i++) { if (marked[i].offsetParent !== null) { shownEl = marked[i]; break; } }
    }
    if (shownEl.offsetParent === null) { shownEl = target.closest(".row") || target; }
    shownEl.scrollIntoView({ block: "center" });
  }
  window.addEventListener("hashchange", follow);

  // ---- sortable tables
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var ths = table.querySelectorAll("thead th");
    ths.forEach(function (th, col) {
      var b = el("button", { type: "button", title: L.sort }, th.textContent);
      th.textContent = "";
      th.appendChild(b);
      b.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        ths.forEach(function (o) { o.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var trs = Array.prototype.slice.call(body.rows);
        var num = th.getAttribute("data-type") === "num";
        trs.sort(function (a, b2) {
          var x = a.cells[col], y = b2.cells[col], r;
          if (num) {
            var fx = parseFloat(x.getAttribute("data-sort")), fy = parseFloat(y.getAttribute("data-sort"));
            r = (isNaN(fx) ? -Infinity : fx) - (isNaN(fy) ? -Infinity : fy);
          } else {
            r = x.textContent.localeCompare(y.textContent, data.lang);
          }
          if (r === 0) { r = a.getAttribute("data-order") - b2.getAttribute("data-order"); return r; }
          return asc ? r : -r;
        });
        trs.forEach(function (tr) { body.appendChild(tr); });
      });
    });
  });

  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });

  buildControls();
  apply();
  if (location.hash) { follow(); }
  root.setAttribute("data-ready", "1");
})();
