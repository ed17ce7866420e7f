"""A participant on a phone (390x844, touch): menus, safe controls, hand-in files.

Drives the built site in headless Chromium with touch and the network blocked, as in a workshop.
"""
from __future__ import annotations

from hlskit.content import load_content

CONTENT = load_content()
INST = CONTENT.instrument("learning-trust")
CHAPTER = "book/stewardship/stewardship.html"
FORM = f".hls-questionnaire[data-instrument='{INST.id}']"


def _form(page):
    page.wait_for_selector(f"{FORM} input[type=radio]", timeout=20000)
    return page.locator(FORM)


def test_the_site_menu_and_the_contents_open_and_navigate_on_a_phone(phone):
    page = phone.open(CHAPTER)
    page.locator(".bd-header-article button.primary-toggle").tap()
    menu = page.locator("#pst-primary-sidebar-modal")
    menu.get_by_role("link", name="Where to start").wait_for(state="visible", timeout=5000)
    with page.expect_navigation():
        menu.get_by_role("link", name="Where to start").tap()
    assert page.url.endswith("book/start/pathways.html")

    page = phone.open(CHAPTER)
    page.locator(".bd-header-article button.secondary-toggle").tap()
    contents = page.locator("#pst-secondary-sidebar-modal")
    link = contents.locator("a.nav-link").nth(1)
    link.wait_for(state="visible", timeout=5000)
    target = link.get_attribute("href")
    link.tap()
    page.wait_for_function(f"() => location.hash === {target!r}", timeout=5000)


def _overlaps(a, b) -> bool:
    return not (a["x"] + a["width"] <= b["x"] or b["x"] + b["width"] <= a["x"]
                or a["y"] + a["height"] <= b["y"] or b["y"] + b["height"] <= a["y"])


def test_back_to_top_never_covers_a_form_control(phone):
    page = phone.open(CHAPTER)
    form = _form(page)
    top = form.bounding_box()["y"] + page.evaluate("window.scrollY")
    height = form.bounding_box()["height"]
    seen_outside_form = False
    # scroll down past the form, then up through it in small steps (the button shows on scrolling up)
    page.evaluate(f"window.scrollTo(0, {top + height + 900})")
    page.wait_for_timeout(200)
    for y in range(int(top + height + 800), int(top - 1200), -240):
        page.mouse.wheel(0, -240)
        page.wait_for_timeout(60)
        button = page.locator("#pst-back-to-top")
        if not button.is_visible():
            continue
        box = button.bounding_box()
        if box is None:           # it hid again between the two looks (near the top of the page)
            continue
        controls = page.evaluate("""() => [...document.querySelectorAll('input, label, button, select, textarea')]
            .filter(e => e.id !== 'pst-back-to-top' && e.offsetParent !== null && !e.closest('dialog'))
            .map(e => e.getBoundingClientRect().toJSON())
            .filter(r => r.width > 0 && r.bottom > 0 && r.top < innerHeight)""")
        hits = [c for c in controls if _overlaps(box, c)]
        assert not hits, f"Back to top covers a control at scroll {page.evaluate('scrollY')}: {hits[:3]}"
        seen_outside_form = True
    assert seen_outside_form, "Back to top never appeared above or below the form"


def test_clear_asks_first_and_keeping_loses_nothing(phone):
    page = phone.open(CHAPTER)
    form = _form(page)
    first = form.locator("fieldset").first
    first.get_by_label(INST.scale[-1].label, exact=True).tap()
    form.locator(".hls-clear").tap()
    assert first.get_by_label(INST.scale[-1].label, exact=True).is_checked(), "cleared without asking"
    question = form.locator(".hls-confirm-question")
    assert "cannot be undone" in question.text_content()
    form.locator(".hls-confirm-no").tap()
    assert first.get_by_label(INST.scale[-1].label, exact=True).is_checked()
    assert form.locator(".hls-clear").is_visible()
    form.locator(".hls-clear").tap()
    form.locator(".hls-confirm-yes").tap()
    assert first.get_by_label("Not answered", exact=True).is_checked()
    assert "cleared" in form.locator(".hls-status").text_content()


def test_two_downloads_get_different_names_and_the_name_field_says_it_is_saved(phone):
    page = phone.open(CHAPTER)
    form = _form(page)
    note = form.locator(".hls-alias-note").text_content()
    assert "saved in your answers file" in note and form.locator(".hls-alias").input_value() == ""
    assert "without showing who sent them" in form.locator(".hls-handin").text_content()
    form.locator("fieldset").first.get_by_label(INST.scale[0].label, exact=True).tap()
    names = []
    for _ in range(2):
        with page.expect_download() as info:
            form.locator(".hls-download").tap()
        names.append(info.value.suggested_filename)
    assert names[0] != names[1], names
    assert all(n.startswith(f"{INST.id}-") and n.endswith(".json") for n in names), names
    assert names[1] in form.locator(".hls-status").text_content()


def test_the_short_link_opens_the_questions_only_with_the_first_question_on_screen(phone):
    page = phone.open("a/learning-trust.html")
    form = _form(page)
    assert "answer=learning-trust" in page.url
    first = form.locator("fieldset").first.bounding_box()
    assert first["y"] + first["height"] <= 844, first
    assert not page.locator(".hls-tool-intro").first.is_visible()
    assert not page.get_by_text("About this chapter").first.is_visible()
    assert form.locator(".hls-download").count() == 1


def test_the_chapter_shows_the_participants_link_and_a_labelled_qr_code(phone):
    from hlskit.participants import published_base, short_link
    page = phone.open(CHAPTER)
    share = _form(page).locator(".hls-share")
    share.locator("summary").tap()
    link = short_link(INST.id, published_base())
    assert link and share.locator(".hls-short-link a").get_attribute("href") == link
    qr = share.locator("figure.hls-qr [role=img]")
    assert link in qr.get_attribute("aria-label") and qr.locator("svg path").count() >= 1


def _pdf_text(page, tmp_path, name):
    import unicodedata
    from pypdf import PdfReader
    pdf = tmp_path / f"{name}.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(pdf)
    text = "\n".join(p.extract_text() for p in reader.pages)
    return unicodedata.normalize("NFKC", text), len(reader.pages)     # ligatures such as "ﬁ" as letters


def test_print_the_card_prints_the_card_alone_once(phone, tmp_path):
    page = phone.context.new_page()
    page.add_init_script("window.__prints = 0; window.print = function () { window.__prints += 1; };")
    page.goto(f"{phone.base}/book/cycle/experiment.html", wait_until="networkidle")
    form = page.locator(".hls-experiment-form")
    form.locator("[data-field=title]").fill("Shared caseload <b>trial</b>")
    form.locator("[data-field=question]").fill("What happens when two workers share ten cases?")
    form.locator(".hls-print").tap()
    assert page.evaluate("window.__prints") == 1
    text, pages = _pdf_text(page, tmp_path, "card")
    assert "Experiment card: Shared caseload <b>trial</b>" in text
    assert "What happens when two workers share ten cases?" in text and "Review against the criteria" in text
    assert "About this chapter" not in text and "Back to top" not in text and "Download the card" not in text
    assert pages <= 2, pages


def test_a_participant_prints_their_own_profile_on_one_page(phone, tmp_path):
    page = phone.context.new_page()
    page.add_init_script("window.__prints = 0; window.print = function () { window.__prints += 1; };")
    page.goto(f"{phone.base}/{CHAPTER}", wait_until="networkidle")
    form = _form(page)
    form.locator("fieldset").first.get_by_label(INST.scale[-1].label, exact=True).tap()
    form.locator(".hls-print-profile").tap()
    assert page.evaluate("window.__prints") == 1
    text, pages = _pdf_text(page, tmp_path, "profile")
    assert f"My profile: {INST.title}" in text and "1 of" in text
    assert INST.items[0].text not in text and "About this chapter" not in text
    assert pages == 1, pages
