/* Every chart on the page, drawn from one copy of the chart library.
 *
 * Each chart box (.hls-chart) already shows a picture of the chart's default view and its controls,
 * in the chart's own size. This script loads Vega once, when the reader first points at, touches or
 * focuses a chart or one of its controls (a phone that only reads the page never pays for it), then
 * draws the charts one at a time and puts each in place of its picture. Controls work from the start:
 * a choice made before the chart was ready is applied when it is drawn, and the chart keeps its
 * controls up to date.
 * Chart data shared by several pages comes from one file in _static/hls-data/, loaded as a script
 * so that it works from the file system too.
 * A diagram that names its step marks (usermeta.hls_pick, see tools/hlskit/diagrams.py) gets one
 * labelled button over each step: clicking, tapping or pressing Enter or Space on it picks that step,
 * as the menu under the diagram does, and the menu follows.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var libs = (me && me.getAttribute("data-libs") || "").split(/\s+/).filter(Boolean);
  if (!libs.length) { return; }      // a copy loaded without its libraries (the theme adds every script): the page's own copy draws
  var loaded = {};
  var started = false;

  function loadScript(src) {
    if (!loaded[src]) {
      loaded[src] = new Promise(function (resolve, reject) {
        var s = document.createElement("script");
        s.src = src;
        s.onload = resolve;
        s.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(s);
      });
    }
    return loaded[src];
  }
  function inOrder(items, step) {
    return items.reduce(function (p, item) { return p.then(function () { return step(item); }); }, Promise.resolve());
  }
  function nextTask() { return new Promise(function (resolve) { setTimeout(resolve, 0); }); }
  function same(a, b) { return a === b || String(a) === String(b); }

  /* a control's nodes and value, as Vega's own bindings read and write them */
  function nodes(box, c) {
    var root = c.element ? document.querySelector(c.element) : box.querySelector(".vega-bindings");
    return root ? Array.prototype.slice.call(root.querySelectorAll("[data-signal='" + c.signal + "']")) : [];
  }
  function read(c, els) {
    if (!els.length) { return undefined; }
    var el = els[0];
    if (c.input === "select") { return c.options[el.selectedIndex]; }
    if (c.input === "checkbox") { return el.checked; }
    if (c.input === "radio") {
      var on = els.filter(function (r) { return r.checked; })[0];
      return on ? c.options[els.indexOf(on)] : undefined;
    }
    if (c.input === "range") { return +el.value; }
    return el.value;
  }
  function write(c, els, value) {
    if (c.input === "select") {
      els[0].selectedIndex = Math.max(0, c.options.findIndex(function (o) { return same(o, value); }));
    } else if (c.input === "checkbox") { els[0].checked = !!value; }
    else if (c.input === "radio") { els.forEach(function (r, i) { r.checked = same(c.options[i], value); }); }
    else {
      els[0].value = value;
      var shown = els[0].parentNode.querySelector(".vega-bind-value");
      if (shown) { shown.textContent = value; }
    }
  }

  /* the drawn items of the mark named `name` (the charts are drawn as SVG, so each has its element) */
  function itemsOf(view, name) {
    var found = [];
    (function walk(item) {
      (item.items || []).forEach(function (mark) {
        (mark.items || []).forEach(function (it) {
          if (mark.name === name && it._svg) { found.push({ datum: it.datum, svg: it._svg }); }
          if (mark.marktype === "group") { walk(it); }
        });
      });
    })({ items: [view.scenegraph().root] });   // the root is a mark holding one group
    return found;
  }

  function pickButtons(el, view, pick, options) {
    var layer = document.createElement("div");
    layer.className = "hls-pick";
    layer.setAttribute("role", "group");
    layer.setAttribute("aria-label", "Choose a " + pick.what + " on the diagram");
    var buttons = [];
    function place() {
      var e = el.getBoundingClientRect();
      var items = itemsOf(view, pick.marks);
      buttons.forEach(function (b) {
        var it = items.filter(function (i) { return i.datum && same(i.datum[pick.field], b.value); })[0];
        b.node.hidden = !it;
        if (!it) { return; }
        var r = it.svg.getBoundingClientRect(), pad = 4;
        b.node.style.left = (r.left - e.left + el.scrollLeft - pad) + "px";
        b.node.style.top = (r.top - e.top + el.scrollTop - pad) + "px";
        b.node.style.width = (r.width + 2 * pad) + "px";
        b.node.style.height = (r.height + 2 * pad) + "px";
      });
    }
    function mark(current) {
      buttons.forEach(function (b) { b.node.setAttribute("aria-pressed", same(b.value, current) ? "true" : "false"); });
    }
    var seen = {};
    itemsOf(view, pick.marks).forEach(function (it, i) {
      var value = it.datum && it.datum[pick.field];
      if (value === undefined || seen[value] || options.indexOf(value) < 0) { return; }
      seen[value] = true;
      var node = document.createElement("button");
      node.type = "button";
      node.className = "hls-pick-step";
      node.setAttribute("aria-label", (it.datum[pick.label] || value) + " (" + pick.what + " " + (buttons.length + 1) +
        " of " + options.length + ")");
      node.title = "Show " + (it.datum[pick.label] || value);
      node.addEventListener("click", function () { view.signal(pick.signal, value).runAsync(); });
      buttons.push({ node: node, value: value });
      layer.appendChild(node);
    });
    el.appendChild(layer);
    place();
    mark(view.signal(pick.signal));
    view.addSignalListener(pick.signal, function (name, value) {
      mark(value);
      setTimeout(place, 0);     // after this run has drawn the picked step (larger)
    });
    view.addResizeListener(place);
    window.addEventListener("resize", place);
  }

  function draw(box) {
    var payload = JSON.parse(box.querySelector("script.hls-chart-spec").textContent);
    var spec = payload.spec;
    var controls = (payload.controls || []).map(function (c) { return { c: c, els: nodes(box, c) }; });
    return inOrder(payload.data || [], function (d) { return loadScript(d.src); }).then(function () {
      (payload.data || []).forEach(function (d) {
        spec.data.forEach(function (entry) { if (entry.name === d.name) { entry.values = window.HLS_DATA[d.key]; } });
      });
      controls.forEach(function (k) {     // choices the reader made before the chart was drawn
        var value = read(k.c, k.els);
        (spec.signals || []).forEach(function (s) { if (s.name === k.c.signal && value !== undefined) { s.value = value; } });
      });
      var el = document.createElement("div");
      return window.vegaEmbed(el, spec, payload.embed).then(function (result) {
        var view = result.view;
        controls.forEach(function (k) {
          k.els.forEach(function (node) {
            var update = function () { view.signal(k.c.signal, read(k.c, k.els)).runAsync(); };
            node.addEventListener(k.c.input === "range" ? "input" : "change", update);
          });
          view.addSignalListener(k.c.signal, function (name, value) {
            if (!same(read(k.c, k.els), value)) { write(k.c, k.els, value); }
          });
        });
        el.classList.add("hls-chart-view");
        box.querySelector(".hls-chart-view").replaceWith(el);
        var pick = spec.usermeta && spec.usermeta.hls_pick;
        var menu = pick && controls.filter(function (k) { return k.c.signal === pick.signal; })[0];
        if (menu) { pickButtons(el, view, pick, menu.c.options); }
        fitNote(box);
        view.addResizeListener(function () { fitNote(box); });
        box.setAttribute("data-drawn", "");
      });
    });
  }

  /* a chart wider than its box scrolls sideways: say so under it, and let the keyboard scroll it too */
  function fitNote(box) {
    var view = box.querySelector(".hls-chart-view");
    if (!view) { return; }
    var wide = view.scrollWidth > view.clientWidth + 1;
    var note = box.querySelector(".hls-chart-scroll-hint");
    if (wide && !note) {
      note = document.createElement("p");
      note.className = "hls-chart-scroll-hint";
      note.textContent = "This chart is wider than your screen: swipe or scroll sideways to see all of it.";
      view.insertAdjacentElement("afterend", note);
    }
    if (note) { note.hidden = !wide; }
    if (wide) { view.setAttribute("tabindex", "0"); } else { view.removeAttribute("tabindex"); }
  }
  function fitNotes() { document.querySelectorAll(".hls-chart").forEach(fitNote); }

  function start() {
    if (started) { return; }
    started = true;
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".hls-chart"));
    inOrder(libs, function (lib) { return loadScript(lib); }).then(function () {
      return inOrder(boxes, function (box) {
        return nextTask().then(function () { return draw(box); }).catch(function (err) {
          console.warn("A chart could not be drawn; its picture stays.", err);
        });
      });
    }).catch(function (err) { console.warn("The charts could not load; their pictures stay.", err); });
  }

  function watch() {
    var boxes = Array.prototype.slice.call(document.querySelectorAll(".hls-chart"));
    if (!boxes.length) { return; }
    fitNotes();
    window.addEventListener("resize", fitNotes);
    ["pointerdown", "keydown", "focusin", "mouseover", "touchstart", "input", "change"].forEach(function (type) {
      boxes.forEach(function (b) { b.addEventListener(type, start, { once: true, passive: true }); });
      document.querySelectorAll(".vega-bindings, [data-signal]").forEach(function (c) {
        c.addEventListener(type, start, { once: true, passive: true });
      });
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", watch); } else { watch(); }
})();
