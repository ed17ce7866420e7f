"""The built site, read as a visitor would: offline, in headless Chromium."""
from __future__ import annotations

from browser import draw_charts

CHART = ".vega-embed svg.marks"


def test_landing_page_introduces_the_sources_and_the_ways_to_use_it(site):
    page = site.open("index.html")
    text = page.inner_text("main")
    for way in ("Read it online", "Adapt it for a course", "live notebook"):
        assert way in text
    assert "the e-book" in text and "Human Learning Systems: Public Service for the Real World" in text
    for meta in ("JupyterLab", "JupyterHub", "Binder", "Jupyter notebook"):   # for other readers: README
        assert meta not in text
    assert page.locator("a[href*='learning_cycle']").count() >= 1


def test_learning_cycle_chart_renders_and_answers_the_stage_picker(site):
    page = site.open("book/cycle/learning_cycle.html")
    draw_charts(page).wait_for_selector(CHART, timeout=20000)
    svg = page.locator(CHART).first
    assert "Purpose" in svg.text_content()
    picker = page.get_by_label("Pick a stage to see what it involves:")
    picker.select_option("experiment")
    page.wait_for_function(
        "() => document.querySelector('.vega-embed svg.marks').textContent.includes('rigour') "
        "|| document.querySelector('.vega-embed svg.marks').textContent.includes('loops')", timeout=5000)
    after = svg.text_content()
    assert "Experiment and explore" in after and "Design the learning process" not in after
    picker.select_option("codesign")
    page.wait_for_function(
        "() => document.querySelector('.vega-embed svg.marks').textContent.includes('Design the learning process')",
        timeout=5000)


VEGA_LOADED = "() => performance.getEntriesByType('resource').some(e => e.name.includes('jsvendor/vega'))"


def test_charts_show_their_picture_and_load_the_chart_library_only_when_the_reader_reaches_for_one(site):
    page = site.open("book/cycle/learning_cycle.html")
    page.wait_for_timeout(2500)           # a reader who only reads: the page stays as it came
    assert not page.evaluate(VEGA_LOADED) and page.evaluate("typeof window.vegaEmbed") == "undefined"
    assert page.locator(".hls-chart svg.hls-chart-picture").first.is_visible()
    assert "Purpose" in page.locator(".hls-chart svg.hls-chart-picture").first.text_content()
    draw_charts(page)                     # pointing at a chart draws every chart on the page
    assert page.evaluate(VEGA_LOADED) and page.locator(".hls-chart svg.hls-chart-picture").count() == 0


def test_answering_a_question_draws_the_profile_chart_with_the_answer(site):
    page = site.open("book/stewardship/stewardship.html")
    page.wait_for_selector(".hls-questionnaire fieldset input[type=radio]", timeout=20000)
    assert not page.evaluate(VEGA_LOADED)
    page.locator(".hls-questionnaire fieldset").first.get_by_label("Agree", exact=True).check()
    page.wait_for_function("() => [...document.querySelectorAll('.hls-chart')].every(b => b.hasAttribute('data-drawn'))",
                           timeout=20000)
    assert page.locator(".vega-embed", has_text="Your profile").count() == 1


def test_learning_cycle_has_a_text_equivalent(site):
    page = site.open("book/cycle/learning_cycle.html")
    draw_charts(page).wait_for_selector(CHART, timeout=20000)
    assert "5 stages in a loop" in page.locator(".hls-text-equivalent").text_content()
    label = page.locator(".vega-embed").first.get_attribute("aria-label") or ""
    assert "Learning Cycle" in label


def _explorer_text(page) -> str:
    return page.locator(".vega-embed").nth(1).locator("svg.marks").text_content()


def test_question_explorer_answers_scale_stage_and_scale_above(site):
    page = site.open("book/cycle/learning_cycle.html")
    draw_charts(page).wait_for_selector(CHART, timeout=20000)
    assert "What is the person trying to change" in _explorer_text(page)
    page.get_by_label("System scale:").select_option("place")
    page.get_by_label("Learning Cycle stage:").select_option("experiment")
    page.wait_for_function("() => document.querySelectorAll('.vega-embed')[1].textContent"
                           ".includes('commission for learning')", timeout=5000)
    assert "A country" not in _explorer_text(page)
    page.get_by_label("Also show the scale above").check()
    page.wait_for_function("() => document.querySelectorAll('.vega-embed')[1].textContent.includes('A country')",
                           timeout=5000)
    assert "resource places for learning" in _explorer_text(page)
    full_table = page.locator(".hls-full-table table")
    assert full_table.locator("tbody tr").count() == 5 and full_table.locator("thead th").count() == 5


def _wait_text(page, needle: str, timeout: int = 8000) -> None:
    page.wait_for_function("n => document.body.innerText.includes(n) || "
                           "[...document.querySelectorAll('.vega-embed')].some(e => e.textContent.includes(n))",
                           arg=needle, timeout=timeout)


def _one_case_filter(content):
    """An (organisation type, scale) pair that matches exactly one case."""
    from hlskit.cases import filter_cases
    for org in sorted({c.organisation_type for c in content.case_studies}):
        for sc in content.scales:
            if len(filter_cases(content, scale=sc.id, organisation_type=org)) == 1:
                return org, sc.id
    raise AssertionError("no filter matches exactly one case")


def test_case_explorer_filters_the_library_on_the_page(site):
    from hlskit.cases import filter_cases
    from hlskit.content import load_content
    content = load_content()
    page = site.open("book/library/case_studies.html")
    draw_charts(page).wait_for_selector(CHART, timeout=20000)
    _wait_text(page, f"{len(content.case_studies)} matching cases")
    filters = page.locator("#hls-case-filters")
    chart = page.locator(".vega-embed").first
    # the menus sit above the results
    assert filters.bounding_box()["y"] + filters.bounding_box()["height"] <= chart.bounding_box()["y"]
    full_height = chart.bounding_box()["height"]
    filters.get_by_role("combobox", name="System scale:").select_option("country")
    _wait_text(page, f"{len(filter_cases(content, scale='country'))} matching cases")
    assert "Wellbeing Teams" not in chart.text_content()
    filters.get_by_role("combobox", name="System scale:").select_option("any")
    filters.get_by_role("combobox", name="Organisation type:").select_option("local-government")
    local = filter_cases(content, organisation_type="local-government")
    _wait_text(page, f"{len(local)} matching cases")
    text = chart.text_content()
    assert all(name in text for name in local.name) and "Mayday Trust" not in text
    assert "Local or regional government" in text
    # the chart shrinks with its results: no blank space is left below a short list
    page.wait_for_function("h => document.querySelector('.vega-embed').getBoundingClientRect().height < h / 2",
                           arg=full_height, timeout=5000)
    org, scale = _one_case_filter(content)
    filters.get_by_role("combobox", name="Organisation type:").select_option(org)
    filters.get_by_role("combobox", name="System scale:").select_option(scale)
    _wait_text(page, "1 matching case")
    assert "1 matching cases" not in chart.text_content()
    link = page.locator(".hls-full-table a", has_text="Mayday Trust")
    assert link.get_attribute("href") == "../cases/mayday-trust.html"
    groups = [g.strip() for g in page.locator(".hls-full-table .hls-group-row").all_text_contents()]
    assert f"Local or regional government ({len(local)} cases)" in groups


def test_self_assessment_profile_updates_as_the_reader_answers(site):
    page = site.open("book/stewardship/stewardship.html")
    page.wait_for_selector(".hls-questionnaire fieldset input[type=radio]", timeout=20000)
    draw_charts(page)
    sets = page.locator(".hls-questionnaire fieldset")
    assert sets.count() == 36
    profile = page.locator(".vega-embed", has_text="Your profile").first
    assert "not answered yet" in profile.text_content()
    for i, answer in enumerate(["Agree", "Agree", "Disagree"]):   # the third item is reverse-worded
        sets.nth(i).get_by_label(answer, exact=True).check()
    page.wait_for_function("() => [...document.querySelectorAll('.vega-embed')].some("
                           "e => e.textContent.includes('Your profile') && e.textContent.includes('4.0'))", timeout=8000)


def test_methods_finder_filters_by_stage(site):
    from hlskit.content import load_content
    from hlskit.methods import methods_for
    content = load_content()
    page = site.open("book/methods/methods.html")
    draw_charts(page).wait_for_selector(CHART, timeout=20000)
    _wait_text(page, f"{len(content.methods)} methods match")
    page.get_by_label("Learning Cycle stage:").select_option("purpose")
    n = len(methods_for(content, stage='purpose'))
    _wait_text(page, "1 method matches" if n == 1 else f"{n} methods match")
    assert "1 methods match" not in page.locator(".vega-embed").first.text_content()


def test_chapter_pages_offer_binder_in_plain_words_and_notebook_download(built_book):
    html = (built_book / "book" / "cycle" / "learning_cycle.html").read_text(encoding="utf-8")
    assert "https://mybinder.org/v2/gh/hls-handbook/hls-handbook/main?urlpath=lab/tree/book/cycle/learning_cycle.ipynb" in html
    assert "Open this chapter as a live notebook in your browser, no install" in html
    assert "/hub/user-redirect/git-pull" not in html   # no JupyterHub until _config.yml names a real hub
    assert 'href="../../_sources/book/cycle/learning_cycle.ipynb"' in html
    assert (built_book / "_sources" / "book" / "cycle" / "learning_cycle.ipynb").exists()
