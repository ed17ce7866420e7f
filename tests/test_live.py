"""Live widget views: controls drive the same core functions, and saving never loses earlier files."""
from __future__ import annotations

from datetime import date

from hlskit.content import load_content
from hlskit.live import CaseExplorer, ExperimentDesigner, QuestionExplorer

CONTENT = load_content()


def test_question_explorer_follows_its_controls_and_saves_without_overwriting(tmp_path):
    view = QuestionExplorer(CONTENT, work_dir=tmp_path)
    view.scale.value, view.stage.value = "place", "embed"
    assert any("share learning" in t.description for t in view.ticks)
    assert view.export() == [] and "Tick at least one" in view.status.value
    view.ticks[0].value = True
    first = view.export()
    second = view.export()
    assert {p.suffix for p in first} == {".html", ".md", ".csv"}
    assert all(p.exists() for p in first + second) and set(first).isdisjoint(second)


def test_experiment_designer_review_updates_as_the_form_is_filled(tmp_path):
    view = ExperimentDesigner(CONTENT, work_dir=tmp_path)
    before = view.findings.value
    view.inputs["sense_making"].value = "Fortnightly session with the team and two families"
    view.inputs["start"].value, view.inputs["end"].value = date(2026, 1, 5), date(2026, 3, 1)
    assert view.findings.value != before
    assert view.add_to_portfolio() == 1 and view.add_to_portfolio() == 2
    (tmp_path / "portfolio.csv").write_text("broken", encoding="utf-8")
    assert view.add_to_portfolio() is None and "Nothing was saved" in view.status.value
    assert (tmp_path / "portfolio.csv").read_text() == "broken"


def test_case_explorer_filters_and_exports_the_list(tmp_path):
    view = CaseExplorer(CONTENT, work_dir=tmp_path)
    everything = view.matches()
    view.scale.value = "country"
    assert 0 < len(view.matches()) < len(everything)
    assert "matching case" in view.result.value
    html, md, csv = view.export()
    assert "System scale: A country" in html.read_text() and "EDUFI" in md.read_text()
    assert len(csv.read_text().strip().splitlines()) == len(view.matches()) + 1


def test_self_assessment_saves_never_overwrites_and_compares(tmp_path):
    from hlskit.assessments import parse_response
    from hlskit.live_assessment import SelfAssessment
    inst = CONTENT.instrument("learning-trust")
    view = SelfAssessment(CONTENT, inst, work_dir=tmp_path)
    assert view.save_response() is None and "at least one" in view.status.value
    items = [i.id for i in inst.items]
    view.radios[items[0]].value = 2
    view.radios[items[1]].value = "dk"
    view.alias.value = "Sam"
    first = view.save_response()
    view.radios[items[0]].value = 5
    second = view.save_response()
    assert first != second and first.exists() and second.exists()
    again = parse_response(second.read_bytes(), str(second), CONTENT)
    assert again.answers[items[0]] == 5 and again.answers[items[1]] == "dk" and again.name == "Sam"
    assert len(view.first.options) == 2
    assert view.show_comparison() is not None
    view.radios[items[0]].value = None
    view.load_into_form()
    assert view.radios[items[0]].value == 2
