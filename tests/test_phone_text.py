"""On a phone (390x844, touch), offline: no text smaller than 12 px, charts that fit or scroll in their
own box, and a tap on a glossary term opens the glossary."""
from __future__ import annotations

import pytest

from browser import draw_charts

# the smallest text a reader sees: computed font size, times the scale an SVG chart is drawn at
SMALLEST_TEXT = """() => {
  const found = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) {
    const el = n.parentElement;
    if (!n.textContent.trim() || !el || el.closest('[hidden], .visually-hidden, .sr-only')) continue;
    const box = el.getBoundingClientRect(), style = getComputedStyle(el);
    if (!box.width || !box.height || style.visibility === 'hidden') continue;
    let px = parseFloat(style.fontSize);
    const svg = el.closest('svg');
    if (svg && svg.getAttribute('width')) px *= svg.getBoundingClientRect().width / parseFloat(svg.getAttribute('width'));
    found.push([Math.round(px * 10) / 10, n.textContent.trim().slice(0, 50)]);
  }
  return found.sort((a, b) => a[0] - b[0]).slice(0, 5);
}"""


def test_tapping_a_glossary_term_on_a_phone_opens_the_glossary(phone):
    page = phone.open("book/principles/learning.html")
    link = page.locator("main a[aria-describedby='hls-gloss-learning-cycle']").first
    link.scroll_into_view_if_needed()
    link.tap()
    page.wait_for_url("**/back/glossary.html#glossary-learning-cycle")


@pytest.mark.parametrize("path", ["book/library/case_studies.html", "book/cycle/learning_cycle.html",
                                  "book/principles/fits_together.html", "book/scales/places.html"])
def test_no_text_on_a_phone_is_smaller_than_12px(phone, path):
    page = phone.open(path)
    draw_charts(page, timeout=30000)
    smallest = page.evaluate(SMALLEST_TEXT)
    assert smallest and smallest[0][0] >= 12, f"{path}: smallest text {smallest}"
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 1
    if path.endswith("case_studies.html"):
        page.locator("#hls-case-filters").get_by_role("combobox", name="System scale:").select_option("country")
        page.wait_for_timeout(500)
        smallest = page.evaluate(SMALLEST_TEXT)
        assert smallest[0][0] >= 12, f"after filtering: {smallest}"
        # the explorer is wider than a phone: it scrolls in its own box, and says so
        view = page.locator(".hls-chart .hls-chart-view").first
        assert view.evaluate("v => v.scrollWidth > v.clientWidth") and view.get_attribute("tabindex") == "0"
        assert page.locator(".hls-chart-scroll-hint").first.is_visible()
    else:
        # the diagrams, the question explorer and the self-assessment profile fit a phone whole
        for view in page.locator(".hls-chart .hls-chart-view").all():
            assert view.evaluate("v => v.scrollWidth <= v.clientWidth + 1"), path
        assert not page.locator(".hls-chart-scroll-hint:visible").count(), path
