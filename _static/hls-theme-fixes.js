/* Small accessibility fixes to the book theme's own controls (found by the axe audit in tests/test_a11y.py). */
(function () {
  "use strict";
  function fix() {
    // the search button's visible text ("Search Ctrl+K") should be its name, not a shorter aria-label
    document.querySelectorAll(".search-button__button[aria-label]").forEach(function (b) { b.removeAttribute("aria-label"); });
    // the colour-mode icons are decorative; the button's aria-label names it
    document.querySelectorAll(".theme-switch-button i[title]").forEach(function (i) {
      i.removeAttribute("title");
      i.setAttribute("aria-hidden", "true");
    });
    // the sidebar's expand/collapse toggles have no text: name them after the section they open
    document.querySelectorAll("summary").forEach(function (s) {
      if (s.textContent.trim() || s.getAttribute("aria-label")) { return; }
      var link = s.parentElement && s.parentElement.parentElement ? s.parentElement.parentElement.querySelector("a") : null;
      s.setAttribute("aria-label", "Show or hide the pages in " + (link ? link.textContent.trim() : "this section"));
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", fix); } else { fix(); }
  window.addEventListener("load", function () { fix(); setTimeout(fix, 500); });   // after the theme's own scripts
})();
