"""Reading aids on the built site, offline in headless Chromium: diagram steps chosen by clicking or
from the keyboard, and glossary previews on hover and focus (test_phone_text.py: the same on a phone)."""
from __future__ import annotations

import pytest

from browser import draw_charts
from hlskit import diagrams
from hlskit.content import load_content

CONTENT = load_content()
STEP = ".hls-chart[data-drawn] .hls-pick-step"
# page, the diagram's menu label, its steps in order (id, name, first line of the detail it shows)
DIAGRAMS = [
    ("book/cycle/learning_cycle.html", "Pick a stage to see what it involves:", diagrams.cycle_layout(CONTENT)),
    ("book/principles/systems.html", "Pick a scale:", diagrams.stack_layout(CONTENT).rename(columns={"scale": "stage"})),
    ("book/principles/human.html", "Pick a step:", diagrams.loop_layout(diagrams.virtuous_steps(CONTENT))),
]


def _chart_text(page) -> str:
    return page.locator(".hls-chart").first.locator("svg.marks").text_content()


@pytest.mark.parametrize("path,menu,layout", DIAGRAMS, ids=["cycle", "stack", "virtuous"])
def test_clicking_a_diagram_step_picks_it_and_the_menu_follows(site, path, menu, layout):
    page = draw_charts(site.open(path))
    page.wait_for_selector(STEP, timeout=20000)
    steps = page.locator(STEP)
    assert steps.count() == len(layout)
    target = layout.iloc[-1]
    assert target["detail"].split("\n")[0] not in _chart_text(page)
    steps.nth(len(layout) - 1).scroll_into_view_if_needed()
    box = steps.nth(len(layout) - 1).bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)   # where the reader sees the step
    assert page.get_by_label(menu).input_value() == target["stage"]
    page.wait_for_function("t => document.querySelector('.hls-chart svg.marks').textContent.includes(t)",
                           arg=target["detail"].split("\n")[0], timeout=5000)
    assert steps.nth(len(layout) - 1).get_attribute("aria-pressed") == "true"
    assert steps.nth(0).get_attribute("aria-pressed") == "false"


@pytest.mark.parametrize("path,menu,layout", DIAGRAMS, ids=["cycle", "stack", "virtuous"])
def test_diagram_steps_are_labelled_buttons_that_work_from_the_keyboard(site, path, menu, layout):
    page = draw_charts(site.open(path))
    page.wait_for_selector(STEP, timeout=20000)
    steps = page.locator(STEP)
    names = [steps.nth(i).get_attribute("aria-label") for i in range(steps.count())]
    assert [n.split(" (")[0] for n in names] == list(layout["name"])
    page.get_by_label(menu).focus()
    page.keyboard.press("Shift+Tab")                    # the last step comes just before the menu
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == names[-1]
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Enter")
    assert page.get_by_label(menu).input_value() == layout.iloc[-2]["stage"]
    for _ in range(len(layout) - 3):
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("Space")
    assert page.get_by_label(menu).input_value() == layout.iloc[1]["stage"]
    page.wait_for_function("t => document.querySelector('.hls-chart svg.marks').textContent.includes(t)",
                           arg=layout.iloc[1]["detail"].split("\n")[0], timeout=5000)
    # the menu still works, and the buttons follow it
    page.get_by_label(menu).select_option(layout.iloc[0]["stage"])
    page.wait_for_function("() => document.querySelector('.hls-pick-step').getAttribute('aria-pressed') === 'true'",
                           timeout=5000)


def test_a_glossary_term_shows_its_definition_on_focus_and_on_hover(site):
    term = next(g for g in CONTENT.glossary if g.id == "learning-cycle")
    page = site.open("book/principles/learning.html")
    link = page.locator("main a[aria-describedby='hls-gloss-learning-cycle']").first
    tip = page.locator("#hls-gloss-tip")
    link.focus()
    assert tip.get_attribute("role") == "tooltip" and tip.is_visible()
    shown = tip.inner_text()
    assert shown.startswith(term.term) and term.definition.split(".")[0].split()[-1] in shown
    # screen readers hear the same definition with the link, script or not
    described = link.evaluate("a => document.getElementById(a.getAttribute('aria-describedby')).textContent")
    assert described.startswith(f"{term.term}: ")
    page.keyboard.press("Escape")
    assert not tip.is_visible()
    assert page.evaluate("document.activeElement") is not None and link.evaluate("a => a === document.activeElement")
    page.mouse.move(0, 0)
    link.blur()
    link.hover()
    page.wait_for_function("() => !document.getElementById('hls-gloss-tip').hidden", timeout=3000)
    tip_box, link_box = tip.bounding_box(), link.bounding_box()
    assert tip_box["y"] >= link_box["y"] + link_box["height"] or tip_box["y"] + tip_box["height"] <= link_box["y"]
    page.mouse.move(0, 0)
    page.wait_for_function("() => document.getElementById('hls-gloss-tip').hidden", timeout=3000)
    assert link.get_attribute("href").endswith("glossary.html#glossary-learning-cycle")
    link.click()
    page.wait_for_url("**/back/glossary.html#glossary-learning-cycle")


@pytest.mark.parametrize("path", ["book/library/case_studies.html", "book/cycle/learning_cycle.html",
                                  "book/methods/methods.html", "book/themes/equity.html"])
def test_charts_fit_the_desktop_column_at_full_size(site, path):
    from test_phone_text import SMALLEST_TEXT

    page = draw_charts(site.open(path), timeout=30000)
    for view in page.locator(".hls-chart .hls-chart-view").all():
        assert view.evaluate("v => v.scrollWidth <= v.clientWidth + 1"), path
    assert not page.locator(".hls-chart-scroll-hint:visible").count(), path
    smallest = page.evaluate(SMALLEST_TEXT)
    assert smallest[0][0] >= 12, f"{path}: {smallest}"
