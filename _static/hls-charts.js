/* Every chart on the page, drawn from one copy of the chart library.
 *
 * Each chart box (.hls-chart) already shows a picture of the chart's default view and its controls,
 * in the chart's own size. This script loads Vega once, as soon as a chart comes into view or the
 * reader touches one (or, failing both, once the page is idle), then draws the charts one at a time
 * and puts each in place of its picture. Controls work from the start: a choice made before the
 * chart was ready is applied when it is drawn, and the chart keeps its controls up to date.
 * Chart data shared by several pages comes from one file in _static/hls-data/, loaded as a script
 * so that it works from the file system too.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var libs = (me && me.getAttribute("data-libs") || "").split(/\s+/).filter(Boolean);
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
        box.setAttribute("data-drawn", "");
      });
    });
  }

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
    ["pointerdown", "keydown", "focusin", "mouseover", "touchstart"].forEach(function (type) {
      boxes.forEach(function (b) { b.addEventListener(type, start, { once: true, passive: true }); });
      document.querySelectorAll(".vega-bindings, [data-signal]").forEach(function (c) {
        c.addEventListener(type, start, { once: true, passive: true });
      });
    });
    if (window.IntersectionObserver) {
      var seen = new IntersectionObserver(function (entries) {
        if (entries.some(function (e) { return e.isIntersecting; })) { seen.disconnect(); start(); }
      }, { rootMargin: "200px" });
      boxes.forEach(function (b) { seen.observe(b); });
    }
    var later = function () { setTimeout(start, 1500); };
    if (document.readyState === "complete") { later(); } else { window.addEventListener("load", later); }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", watch); } else { watch(); }
})();
