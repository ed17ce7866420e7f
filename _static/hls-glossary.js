/* Glossary previews: hovering or focusing a link to a glossary term shows its short definition
 * beside it. The definition is on the page already (hidden, named by the link's aria-describedby,
 * see _ext/glossary_previews.py), so this works offline and screen readers hear it without this
 * script. The preview stays while the pointer is over the link or the preview; Escape closes it.
 * A tap on a touch screen follows the link to the glossary, as a click does.
 */
(function () {
  "use strict";
  var tip = null, owner = null, hideTimer = null, lastTouch = 0;

  function definitionOf(link) {
    var id = link.getAttribute("aria-describedby") || "";
    return id.indexOf("hls-gloss-") === 0 ? document.getElementById(id) : null;
  }
  function ensureTip() {
    if (tip) { return tip; }
    tip = document.createElement("div");
    tip.id = "hls-gloss-tip";
    tip.className = "hls-gloss-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    tip.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    tip.addEventListener("mouseleave", function () { hideSoon(); });
    document.body.appendChild(tip);
    return tip;
  }
  function show(link) {
    var def = definitionOf(link);
    if (!def) { return; }
    clearTimeout(hideTimer);
    var t = ensureTip();
    var term = def.getAttribute("data-term") || "";
    var text = def.textContent;
    t.textContent = "";
    var strong = document.createElement("strong");
    strong.textContent = term;
    t.appendChild(strong);
    t.appendChild(document.createTextNode(text.slice(term.length)));
    t.hidden = false;
    owner = link;
    var r = link.getBoundingClientRect();
    var width = Math.min(352, document.documentElement.clientWidth - 16);
    t.style.maxWidth = width + "px";
    var left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - t.offsetWidth - 8));
    var below = r.bottom + 6 + t.offsetHeight < window.innerHeight || r.top < t.offsetHeight + 6;
    t.style.left = (left + window.scrollX) + "px";
    t.style.top = ((below ? r.bottom + 6 : r.top - t.offsetHeight - 6) + window.scrollY) + "px";
  }
  function hide() {
    clearTimeout(hideTimer);
    if (tip) { tip.hidden = true; }
    owner = null;
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 200);
  }
  function termLink(target) {
    var a = target && target.closest ? target.closest("a[aria-describedby^='hls-gloss-']") : null;
    return a && definitionOf(a) ? a : null;
  }

  document.addEventListener("pointerdown", function (e) { if (e.pointerType === "touch") { lastTouch = Date.now(); } }, true);
  document.addEventListener("mouseover", function (e) {
    var a = termLink(e.target);
    if (a && Date.now() - lastTouch > 800 && a !== owner) { show(a); }
    else if (a) { clearTimeout(hideTimer); }
  });
  document.addEventListener("mouseout", function (e) {
    var a = termLink(e.target);
    if (a && a === owner && !(e.relatedTarget && a.contains(e.relatedTarget))) { hideSoon(); }
  });
  document.addEventListener("focusin", function (e) {
    var a = termLink(e.target);
    if (a && Date.now() - lastTouch > 800) { show(a); }
  });
  document.addEventListener("focusout", function (e) { if (termLink(e.target) === owner) { hide(); } });
  document.addEventListener("keydown", function (e) {
    if ((e.key === "Escape" || e.key === "Esc") && tip && !tip.hidden) { hide(); }
  });
})();
