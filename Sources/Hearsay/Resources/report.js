// Script of the pages `hearsay report` writes (inlined into each). It only reads the page: the details of every mark
// come from the JSON in #hearsay-data and are shown with textContent, never as markup. Pages without marks (the
// index of a folder report, a speaker's page) have no panel: only the filters and the load time apply there.
(function () {
  "use strict";
  // When the page is ready: milliseconds from the start of navigation to the load event, as the browser measured
  // them (performance.now), on <html data-ready-ms>; the browser test reads it.
  window.addEventListener("load", function () {
    document.documentElement.setAttribute("data-ready-ms", String(Math.round(performance.now())));
  });

  // Filters: an <input data-filter="LIST"> hides the elements of #LIST with a data-key that does not contain what is
  // typed (case and accents ignored). The page's address may preset it: ?speaker=okoro for <input name="speaker">.
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var params = null;
  try { params = new URLSearchParams(location.search); } catch (e) { params = null; }
  Array.prototype.forEach.call(document.querySelectorAll("input[data-filter]"), function (input) {
    var list = document.getElementById(input.getAttribute("data-filter"));
    var status = document.getElementById(input.id + "-status");
    if (!list) { return; }
    var items = null;
    var keys = null;
    function apply() {
      if (!items) {
        items = Array.prototype.filter.call(list.querySelectorAll("[data-key]"), function (el) {
          return el.parentNode === list;
        });
        keys = items.map(function (el) { return fold(el.getAttribute("data-key")); });
      }
      var q = fold(input.value.trim());
      var shown = 0;
      for (var i = 0; i < items.length; i++) {
        var hit = !q || keys[i].indexOf(q) >= 0;
        items[i].hidden = !hit;
        if (hit) { shown++; }
      }
      list.setAttribute("data-shown", String(shown));
      if (status) { status.textContent = q ? shown + " of " + items.length + " shown" : ""; }
    }
    input.addEventListener("input", apply);
    var preset = params && input.name ? params.get(input.name) : null;
    if (preset) {
      input.value = preset;
      apply();
    }
  });

  var panel = document.getElementById("panel");
  if (!panel) { return; }
  var data = {};
  try { data = JSON.parse(document.getElementById("hearsay-data").textContent); } catch (e) { data = {}; }
  var panel = document.getElementById("panel");
  var rows = document.getElementById("panel-rows");
  var links = document.getElementById("panel-links");
  var title = document.getElementById("panel-title");
  var close = document.getElementById("panel-close");
  var heads = Array.prototype.slice.call(document.querySelectorAll("mark.q[data-head]"));
  var pieces = {};
  Array.prototype.forEach.call(document.querySelectorAll("[data-q],[data-c]"), function (el) {
    var id = key(el);
    (pieces[id] = pieces[id] || []).push(el);
  });
  var current = null;

  function key(el) { return el.getAttribute("data-q") || el.getAttribute("data-c"); }
  function headOf(id) {
    var list = pieces[id] || [];
    for (var i = 0; i < list.length; i++) { if (list[i].hasAttribute("data-head")) { return list[i]; } }
    return list[0] || null;
  }
  function mark(id, on) {
    (pieces[id] || []).forEach(function (el) { el.classList.toggle("active", on); });
    var h = headOf(id);
    if (h) { h.setAttribute("aria-expanded", on ? "true" : "false"); }
  }
  function show(el) {
    var id = key(el);
    var d = data[id];
    if (!d) { return; }
    if (current) { mark(current, false); }
    current = id;
    mark(id, true);
    title.textContent = d.title;
    rows.textContent = "";
    d.rows.forEach(function (r) {
      var dt = document.createElement("dt");
      dt.textContent = r[0];
      var dd = document.createElement("dd");
      dd.textContent = r[1];
      rows.appendChild(dt);
      rows.appendChild(dd);
    });
    links.textContent = "";
    d.links.forEach(function (l) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.setAttribute("href", l[1]);
      a.textContent = l[0];
      li.appendChild(a);
      links.appendChild(li);
    });
    panel.hidden = false;
    document.body.classList.add("panel-open");
  }
  function hide() {
    panel.hidden = true;
    document.body.classList.remove("panel-open");
    if (current) {
      var h = headOf(current);
      mark(current, false);
      current = null;
      if (h) { h.focus(); }
    }
  }
  function go(el) {
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: "center" });
    show(el);
  }
  // j / k: the next or previous quote after the focused element (or the open one), wrapping around.
  function move(step) {
    if (!heads.length) { return; }
    var from = document.activeElement && document.activeElement !== document.body ? document.activeElement
      : (current ? headOf(current) : null);
    var at = heads.indexOf(from);
    var next;
    if (at >= 0) {
      next = (at + step + heads.length) % heads.length;
    } else if (from) {
      next = heads.length;
      for (var i = 0; i < heads.length; i++) {
        if (from.compareDocumentPosition(heads[i]) & Node.DOCUMENT_POSITION_FOLLOWING) { next = i; break; }
      }
      next = step > 0 ? next % heads.length : (next - 1 + heads.length) % heads.length;
    } else {
      next = step > 0 ? 0 : heads.length - 1;
    }
    go(heads[next]);
  }
  function fromHash() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var el = id ? document.getElementById(id) : null;
    if (el && (el.hasAttribute("data-q") || el.hasAttribute("data-c"))) { go(el); }
  }

  document.addEventListener("click", function (e) {
    var el = e.target && e.target.closest ? e.target.closest("[data-q],[data-c]") : null;
    if (el) { show(el); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey) { return; }
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (e.key === "j" || e.key === "k") {
      e.preventDefault();
      move(e.key === "j" ? 1 : -1);
    } else if ((e.key === "Enter" || e.key === " ") && t && t.hasAttribute && t.hasAttribute("data-head")) {
      e.preventDefault();
      show(t);
    } else if (e.key === "Escape" && !panel.hidden) {
      e.preventDefault();
      hide();
    }
  });
  close.addEventListener("click", hide);
  window.addEventListener("hashchange", fromHash);

  var distinct = {};
  heads.forEach(function (h) { distinct[key(h)] = true; });
  var n = Object.keys(distinct).length;
  document.body.setAttribute("data-quotes-marked", String(n));
  document.getElementById("status").textContent = n + " quotes marked.";
  fromHash();
})();
