/* Print a tool's handout from the published page, with no kernel and no server.
 *
 * Each .hls-handout block carries the printable documents that `hlskit pack` writes (rendered at
 * build time by hlskit/handouts.py), one per choice of the tool's menus. "Print" writes the chosen
 * document into a hidden frame and prints that frame alone, once; "Save as a printable page"
 * downloads the same document as an HTML file. A case page's Print button prints the page itself,
 * whose print stylesheet shows the case's one-sheet summary. Nothing is sent anywhere.
 */
(function () {
  "use strict";
  var frame = null;

  /* Print `html` alone: a fresh hidden frame each time, printed once when it has loaded. */
  function printDocument(html) {
    if (frame && frame.parentNode) { frame.parentNode.removeChild(frame); }
    frame = document.createElement("iframe");
    frame.className = "hls-handout-frame";
    frame.title = "Printable page";
    frame.setAttribute("aria-hidden", "true");
    frame.tabIndex = -1;
    var printed = false;
    frame.addEventListener("load", function () {
      if (printed) { return; }
      printed = true;
      frame.contentWindow.focus();
      frame.contentWindow.print();
    });
    frame.srcdoc = html;
    document.body.appendChild(frame);
  }
  function save(filename, html) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([html], { type: "text/html" }));
    a.download = filename;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  /* The question explorer's current choice, from the menus of the chart in the same cell. */
  function explorerKey(block) {
    var cell = block.closest(".cell") || block.parentNode;
    var value = function (name) {
      var el = cell.querySelector("[data-signal='" + name + "']");
      return el ? (el.type === "checkbox" ? el.checked : el.value) : null;
    };
    var parts = block.getAttribute("data-default").split("/");
    var stage = value("stage") || parts[0], scale = value("scale") || parts[1];
    return stage + "/" + scale + "/" + (value("above") ? "above" : "alone");
  }

  function setup(block) {
    var payload = null;
    var status = block.querySelector(".hls-handout-status");
    function chosen() {
      payload = payload || JSON.parse(block.querySelector("script.hls-handout-docs").textContent);
      var key = block.getAttribute("data-handout") === "worksheet" ? explorerKey(block) : block.getAttribute("data-default");
      if (!payload.docs[key]) { key = key.replace(/\/above$/, "/alone"); }   // the largest scale has none above
      return { html: payload.docs[key], name: payload.names[key] };
    }
    block.querySelector(".hls-handout-print").addEventListener("click", function () {
      status.textContent = "Opening the print dialog for the printable page.";
      printDocument(chosen().html);
    });
    block.querySelector(".hls-handout-save").addEventListener("click", function () {
      var doc = chosen();
      save(doc.name, doc.html);
      status.textContent = "Saved " + doc.name + ". Open it in any browser to print it or save it as PDF.";
    });
    block.hidden = false;
  }

  /* A case sheet taller than one page (a long case from a course's own files) is scaled to fit one
   * sheet of A4 or Letter: A4's width and Letter's height inside the page margins of hls.css. Below
   * 70% it would be too small to read, so a longer sheet runs onto a second page instead. */
  var SHEET_MM = { width: 182, height: 249 };
  function fitSheet(sheet) {
    sheet.style.zoom = "";
    var kept = sheet.style.cssText;
    sheet.style.cssText = kept + ";display:block;position:absolute;left:-10000px;top:0;width:" + SHEET_MM.width + "mm";
    var mm = sheet.getBoundingClientRect().height * 25.4 / 96;
    sheet.style.cssText = kept;
    if (mm > SHEET_MM.height) { sheet.style.zoom = String(Math.max(0.7, SHEET_MM.height / mm)); }
  }

  function start() {
    var sheets = Array.prototype.slice.call(document.querySelectorAll(".hls-case-sheet"));
    if (sheets.length) { window.addEventListener("beforeprint", function () { sheets.forEach(fitSheet); }); }
    Array.prototype.forEach.call(document.querySelectorAll(".hls-handout"), setup);
    Array.prototype.forEach.call(document.querySelectorAll(".hls-print-page"), function (wrap) {
      wrap.querySelector("button").addEventListener("click", function () { window.print(); });
      wrap.hidden = false;
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
