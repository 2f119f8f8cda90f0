"use strict";
// Progressive enhancement only: the page is complete and readable without this script.
// Adds the toolbar (filters, search, views, open/close all, previous/next change with keys n and p,
// the contents drawer on phones), follows links into closed sections, and sorts tables.
// Works on the compare page and on the follow-up page (which has plan rows and no sections).
(function () {
  var root = document.documentElement;
  root.classList.add("js");
  var data = JSON.parse(document.getElementById("data").textContent);
  var L = data.labels;
  var $ = function (sel, ctx) { return Array.prototype.slice.call((ctx || document).querySelectorAll(sel)); };
  var sections = document.getElementById("sections");
  var bar = document.getElementById("toolbar");
  var sentences = $("#sections .s");
  var blocks = $("#sections .blocks > .block");
  var pairs = $("#sections .pair");
  var planRows = $("#plan tbody tr");
  var kinds = data.kinds.map(function (k) { return k[0]; });
  var kindLabel = {};
  data.kinds.forEach(function (k) { kindLabel[k[0]] = k[1]; });
  var shown = {};           // change kind (or "same") -> checkbox
  var focus = null;         // "sec-added", "plan-partly", a change kind, or null
  var query = "";
  var current = null;       // the change n/p last moved to
  var status = null;
  var texts = null;         // block -> lower-case text, built on the first search

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function kindOf(s) {
    for (var i = 0; i < kinds.length; i++) { if (s.classList.contains(kinds[i])) { return kinds[i]; } }
    return "same";
  }
  function openAround(node) {
    for (var d = node.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) { d.open = true; }
  }

  // ---- filtering: kinds (checkboxes), a focus from a count link, and the search box
  function apply() {
    var statusFocus = focus && focus.indexOf("sec-") === 0 ? "st-" + focus.slice(4) : null;
    var planFocus = focus && focus.indexOf("plan-") === 0 ? "st-" + focus.slice(5) : null;
    var filtering = query !== "" || statusFocus !== null;
    sentences.forEach(function (s) {
      var box = shown[kindOf(s)];
      s.hidden = box ? !box.checked : false;
      if (s.hidden) { filtering = true; }
    });
    blocks.forEach(function (b, i) {
      var own = b.querySelectorAll(".s");
      var any = own.length === 0;
      for (var j = 0; j < own.length && !any; j++) { if (!own[j].hidden) { any = true; } }
      if (any && query) { any = texts[i].indexOf(query) >= 0; }
      b.hidden = !any;
      var twin = b.nextElementSibling;
      if (twin && twin.classList.contains("twin")) { twin.hidden = b.hidden; }
    });
    pairs.forEach(function (pair) {
      var own = pair.querySelectorAll(".blocks > .block");
      var any = false;
      for (var i = 0; i < own.length && !any; i++) { if (!own[i].hidden) { any = true; } }
      if (own.length === 0) { any = !filtering; }  // a heading without text: only in the full view
      pair.hidden = !any || (statusFocus !== null && !pair.classList.contains(statusFocus));
      if (query && any) { var d = pair.querySelector("details"); if (d) { d.open = true; } }
    });
    planRows.forEach(function (tr) { tr.hidden = planFocus !== null && !tr.classList.contains(planFocus); });
    if (planFocus) { $("#plan details.plan-all").forEach(function (d) { d.open = true; }); }
    $(".only").forEach(function (p) { p.classList.toggle("active", focus !== null && p.id === "only-" + focus); });
    root.setAttribute("data-searched", query);
  }
  function setFocus(key) {
    focus = key;
    var only = key && kinds.indexOf(key) >= 0 ? key : null;
    Object.keys(shown).forEach(function (k) { shown[k].checked = only === null || k === only; });
    if (only) { $("#sections .pair.has-" + only + " > details").forEach(function (d) { d.open = true; }); }
    apply();
  }
  function showAll() {
    if (focus !== null && location.hash.indexOf("#only-") === 0) {
      history.replaceState(null, "", location.pathname + location.search);
    }
    setFocus(null);
  }

  // ---- views: paragraphs (the markup), side by side and sentence by sentence (built on demand)
  function stripIds(node) {
    node.removeAttribute("id");
    $("[id]", node).forEach(function (e) { e.removeAttribute("id"); });
    $(".anchor, .pl", node).forEach(function (e) { e.remove(); });
    return node;
  }
  function sideCopy(node, side) {
    var c = stripIds(node.cloneNode(true));
    c.classList.add(side);
    $(side === "old" ? "ins" : "del", c).forEach(function (e) { e.remove(); });
    $(side === "old" ? ".run.new, .s.one.added, .s.one.new_commitment" : ".run.old, .s.one.removed, .s.one.dropped, .moved-away", c)
      .forEach(function (e) { e.remove(); });
    return c;
  }
  function buildTwin(b, mode) {
    var twin = el("div", { "class": "twin " + (mode === "side" ? "sbs" : "grid") });
    if (mode === "side") {
      twin.appendChild(sideCopy(b, "old"));
      twin.appendChild(sideCopy(b, "new"));
    } else {
      $(".s", b).forEach(function (s) {
        var row = el("div", { "class": "row " + kindOf(s) + (s.classList.contains("chg") ? " chg" : "") });
        row.setAttribute("data-for", s.id);
        var o = el("div", { "class": "old" }), n = el("div", { "class": "new" });
        var inOld = !s.classList.contains("one") || s.closest(".run.old") || s.classList.contains("removed") || s.classList.contains("dropped");
        var inNew = !s.classList.contains("one") || s.closest(".run.new") || s.classList.contains("added") || s.classList.contains("new_commitment");
        if (inOld) { o.appendChild(sideCopy(s, "old")); }
        if (inNew) { n.appendChild(sideCopy(s, "new")); }
        row.appendChild(o); row.appendChild(n);
        twin.appendChild(row);
      });
    }
    twin.hidden = b.hidden;
    return twin;
  }
  var viewButtons = {};
  function setView(mode) {
    $("#sections .twin").forEach(function (t) { t.remove(); });
    root.classList.toggle("view-side", mode === "side");
    root.classList.toggle("view-grid", mode === "grid");
    if (mode !== "merged") {
      blocks.forEach(function (b) {
        if (b.closest(".pair.st-added, .pair.st-removed")) { return; }  // one side only: nothing to set beside it
        b.parentNode.insertBefore(buildTwin(b, mode), b.nextSibling);
      });
    }
    Object.keys(viewButtons).forEach(function (k) { viewButtons[k].setAttribute("aria-pressed", String(k === mode)); });
  }

  // ---- the toolbar
  function button(cls, text, title, onclick) {
    var b = el("button", { type: "button", "class": cls });
    if (title) { b.setAttribute("title", title); b.setAttribute("aria-label", title); }
    b.appendChild(document.createTextNode(text));
    b.addEventListener("click", onclick);
    return b;
  }
  function buildControls() {
    if (!bar) { return; }
    bar.appendChild(button("menu", "☰ " + L.menu, L.menu, function () { root.classList.toggle("outline-open"); }));

    var search = el("input", { type: "search", name: "q", placeholder: L.search_placeholder, "aria-label": L.search });
    var timer = null;
    search.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        if (texts === null) { texts = blocks.map(function (b) { return b.textContent.toLowerCase(); }); }
        query = search.value.trim().toLowerCase();
        apply();
      }, 120);
    });
    bar.appendChild(search);

    var box = el("details", { "class": "filters-box" });
    box.appendChild(el("summary", {}, L.show + " ▾"));
    var fs = el("fieldset", { "class": "filters" });
    fs.appendChild(el("legend", {}, L.show));
    kinds.concat(["same"]).forEach(function (k) {
      var n = k === "same" ? $("#sections .s.same").length : $("#sections .s." + k).length;
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
    var collapse = el("label", { "class": "collapse" });
    var cbox = el("input", { type: "checkbox", name: "collapse" });
    cbox.addEventListener("change", function () {
      $("#sections .pair.same > details").forEach(function (d) { d.open = !cbox.checked; });
    });
    collapse.appendChild(cbox);
    collapse.appendChild(document.createTextNode(" " + L.collapse));
    fs.appendChild(collapse);
    box.appendChild(fs);
    bar.appendChild(box);

    var view = el("span", { "class": "view" });
    view.appendChild(document.createTextNode(L.view + " "));
    [["merged", L.view_merged], ["side", L.view_side], ["grid", L.view_grid]].forEach(function (v) {
      var b = button("", v[1], "", function () { setView(v[0]); });
      b.setAttribute("data-view", v[0]);
      viewButtons[v[0]] = b;
      view.appendChild(b);
      view.appendChild(document.createTextNode(" "));
    });
    bar.appendChild(view);

    var expand = el("span", { "class": "expand" });
    expand.appendChild(button("open-all", "＋", L.expand_all, function () { $("#sections .pair > details").forEach(function (d) { d.open = true; }); }));
    expand.appendChild(document.createTextNode(" "));
    expand.appendChild(button("close-all", "－", L.collapse_all, function () { $("#sections .pair > details").forEach(function (d) { d.open = false; }); }));
    bar.appendChild(expand);

    var nav = el("span", { "class": "nav" });
    var prev = button("prev", "↑ " + L.prev_short, L.prev + " (p)", function () { step(-1); });
    prev.appendChild(document.createTextNode(" "));
    prev.appendChild(el("kbd", {}, "p"));
    var next = button("next", "↓ " + L.next_short, L.next + " (n)", function () { step(1); });
    next.appendChild(document.createTextNode(" "));
    next.appendChild(el("kbd", {}, "n"));
    status = el("span", { "class": "status", "aria-live": "polite" });
    nav.appendChild(prev); nav.appendChild(document.createTextNode(" ")); nav.appendChild(next);
    nav.appendChild(document.createTextNode(" ")); nav.appendChild(status);
    bar.appendChild(nav);
    bar.appendChild(button("print", L.print_summary, "", function () { window.print(); }));
    bar.hidden = false;
    var barHeight = function () { root.style.setProperty("--bar-h", bar.offsetHeight + "px"); };
    barHeight();
    window.addEventListener("resize", barHeight);
    setView("merged");
  }

  // ---- next / previous change: also into closed sections, which it opens
  function changes() {
    return sentences.filter(function (s) { return s.classList.contains("chg") && !s.hidden && !s.closest("[hidden]"); });
  }
  function where(s) {
    var d = s.closest("details");
    var box = d && !d.open ? d.querySelector("summary") : s;
    return box.getBoundingClientRect().top;
  }
  function step(dir) {
    if (!status) { return; }
    var list = changes();
    if (list.length === 0) { status.textContent = L.no_more; return; }
    var i = current ? list.indexOf(current) : -1;
    if (i < 0) {
      // start from the viewport: the first change below (or last above) the top of the window
      var top = (bar ? bar.offsetHeight : 0) + 40;
      i = dir > 0 ? -1 : list.length;
      var lo = 0, hi = list.length;  // positions grow down the page: bisect instead of measuring all
      while (lo < hi) { var mid = (lo + hi) >> 1; if (where(list[mid]) <= top) { lo = mid + 1; } else { hi = mid; } }
      i = dir > 0 ? lo - 1 : lo;
      if (dir < 0 && lo < list.length && where(list[lo]) < top) { i = lo + 1; }
    }
    var j = i + dir;
    if (j < 0 || j >= list.length) { status.textContent = L.no_more; return; }
    if (current) { current.classList.remove("current"); }
    current = list[j];
    openAround(current);
    current.classList.add("current");
    var shownEl = current;
    if (current.offsetParent === null) {  // another view shows a copy
      var copy = document.querySelector(".row[data-for='" + current.id + "']");
      if (copy) { shownEl = copy; }
    }
    shownEl.scrollIntoView({ block: "center" });
    status.textContent = (j + 1) + " / " + list.length;
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (ev.key === "n") { step(1); ev.preventDefault(); }
    else if (ev.key === "p") { step(-1); ev.preventDefault(); }
  });

  // ---- links: filtered views and passages, also inside closed <details>
  function follow() {
    var hash = location.hash.slice(1);
    try { hash = decodeURIComponent(hash); } catch (e) { /* a malformed %-escape (#%E0%A4%A): use it as typed */ }
    $(".hl").forEach(function (e) { e.classList.remove("hl"); });
    root.classList.remove("outline-open");
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
    openAround(target);
    var inner = target.querySelector ? target.querySelector("details") : null;
    if (inner && target.classList.contains("pair")) { inner.open = true; }
    var marked = $(".m-" + hash);
    marked.forEach(function (e) { e.classList.add("hl"); });
    var shownEl = target;
    if (target.offsetParent === null && marked.length) {
      for (var i = 0; i < marked.length; i++) { if (marked[i].offsetParent !== null) { shownEl = marked[i]; break; } }
    }
    if (shownEl.offsetParent === null) { shownEl = target.closest(".s") || target; }
    shownEl.scrollIntoView({ block: target.classList.contains("pair") ? "start" : "center" });
  }
  window.addEventListener("hashchange", follow);

  // ---- sortable tables
  $("table.sortable").forEach(function (table) {
    var ths = $("thead th", table);
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

  // ---- follow-up page: status filter buttons over its plan rows
  $("[data-filter-status]").forEach(function (b) {
    b.addEventListener("click", function (ev) {
      ev.preventDefault();
      var s = b.getAttribute("data-filter-status");
      var on = b.getAttribute("aria-pressed") !== "true";
      $("[data-filter-status]").forEach(function (o) { o.setAttribute("aria-pressed", "false"); });
      b.setAttribute("aria-pressed", String(on));
      planRows.forEach(function (tr) { tr.hidden = on && !tr.classList.contains("st-" + s); });
      if (on) { $("#plan details.plan-all").forEach(function (d) { d.open = true; }); }
      $("#plan .plan-part").forEach(function (h) {
        var t = h.nextElementSibling;
        var any = t && t.querySelector("tbody tr:not([hidden])");
        h.hidden = !any; if (t) { t.hidden = !any; }
      });
    });
  });

  // ---- the outline marks the section pair in view
  var outlineLinks = {};
  $("#outline a[href^='#p']").forEach(function (a) { outlineLinks[a.getAttribute("href").slice(1)] = a.parentNode; });
  if (window.IntersectionObserver && pairs.length) {
    var here = null;
    var seen = new IntersectionObserver(function (entries) {
      entries.forEach(function (en) {
        if (!en.isIntersecting) { return; }
        var li = outlineLinks[en.target.id];
        if (!li) { return; }
        if (here) { here.classList.remove("here"); }
        here = li;
        here.classList.add("here");
      });
    }, { rootMargin: "0px 0px -70% 0px" });
    pairs.forEach(function (p) { seen.observe(p); });
  }

  buildControls();
  if (sections) { apply(); }
  if (location.hash) { follow(); }
  root.setAttribute("data-ready", "1");
})();
