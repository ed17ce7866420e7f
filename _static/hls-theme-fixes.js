/* Small accessibility fixes to the book theme's own controls (found by the axe audit in tests/test_a11y.py). */
(function () {
  "use strict";
  function fix() {
    // the wide search field's visible text ("Search Ctrl+K") should be its name, not a shorter aria-label;
    // the icon-only search button (phones) keeps its aria-label, its only name
    document.querySelectorAll(".search-button-field.search-button__button[aria-label]").forEach(function (b) {
      if (b.textContent.trim()) { b.removeAttribute("aria-label"); }
    });
    // the colour-mode icons are decorative; the button's aria-label names it
    // (Font Awesome may already have turned each <i title> into an <svg> with a <title>)
    document.querySelectorAll(".theme-switch-button i[title], .theme-switch-button svg").forEach(function (icon) {
      icon.removeAttribute("title");
      icon.removeAttribute("aria-labelledby");
      icon.setAttribute("aria-hidden", "true");
      icon.querySelectorAll("title").forEach(function (t) { t.remove(); });
    });
    // the book's title link in the sidebar sits outside any landmark: make its box a small navigation region
    document.querySelectorAll(".sidebar-primary-item").forEach(function (item) {
      if (item.querySelector(".navbar-brand") && !item.getAttribute("role")) {
        item.setAttribute("role", "navigation");
        item.setAttribute("aria-label", "Handbook home");
      }
    });
    // a wide table that scrolls sideways (on phones) must be reachable by keyboard, and named
    document.querySelectorAll(".hls-table-scroll").forEach(function (box) {
      if (box.scrollWidth <= box.clientWidth || box.hasAttribute("tabindex")) { return; }
      var caption = box.querySelector("caption, th");
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", "Table, scrolls sideways: " + (caption ? caption.textContent.trim() : "details"));
    });
    // the sidebar's expand/collapse toggles have no text: name them after the section they open
    document.querySelectorAll("summary").forEach(function (s) {
      if (s.textContent.trim() || s.getAttribute("aria-label")) { return; }
      var link = s.parentElement && s.parentElement.parentElement ? s.parentElement.parentElement.querySelector("a") : null;
      s.setAttribute("aria-label", "Show or hide the pages in " + (link ? link.textContent.trim() : "this section"));
    });
  }
  // The theme's scripts listen only on the first menu and contents button (in the top bar, hidden on
  // phones); the buttons a reader actually sees in the article header hand their clicks on to it.
  function forwardToggles() {
    [".primary-toggle", ".secondary-toggle"].forEach(function (selector) {
      var all = document.querySelectorAll(selector);
      Array.prototype.slice.call(all, 1).forEach(function (button) {
        if (button.getAttribute("data-hls-forwarded")) { return; }
        button.setAttribute("data-hls-forwarded", "1");
        button.addEventListener("click", function (ev) {
          ev.preventDefault();
          ev.stopPropagation();
          all[0].click();
        });
      });
    });
  }
  // "Back to top" floats over the page as the reader scrolls up; on a phone it landed on answer
  // options, so one mis-tap jumped to the top. It stays hidden while any form is on screen.
  var onScreen = new Set(), watch = null;
  function keepBackToTopOffForms() {
    if (!window.IntersectionObserver) { return; }
    watch = watch || new IntersectionObserver(function (entries) {
      entries.forEach(function (e) { if (e.isIntersecting) { onScreen.add(e.target); } else { onScreen.delete(e.target); } });
      document.documentElement.classList.toggle("hls-form-on-screen", onScreen.size > 0);
    });
    // charts draw their controls after the page loads, so look again a little later
    document.querySelectorAll("form, .hls-questionnaire, .hls-experiment-form, .vega-bindings, .widget-box")
      .forEach(function (f) { watch.observe(f); });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fix); } else { fix(); }
  window.addEventListener("load", function () { keepBackToTopOffForms(); setTimeout(keepBackToTopOffForms, 1500); });
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", forwardToggles); } else { forwardToggles(); }
  window.addEventListener("load", function () { fix(); setTimeout(fix, 500); });   // after the theme's own scripts
  document.addEventListener("DOMContentLoaded", function () {
    var button = document.querySelector(".theme-switch-button");
    if (button && window.MutationObserver) {    // Font Awesome swaps the icons in later: fix them again
      new MutationObserver(function () { fix(); }).observe(button, { childList: true, subtree: true, attributes: true, attributeFilter: ["title"] });
    }
  });
})();
