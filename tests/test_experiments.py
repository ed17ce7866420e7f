"""The experiment review, case by case: each rule fires on the design it is about, and only then."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from hlskit.content import load_content
from hlskit.experiments import CHECKS, ExperimentDesign, criterion_text, review

CONTENT = load_content()

GOOD = ExperimentDesign(
    title="Shared caseload pilot", scale="organisation", question="Does a shared caseload free time for relationships?",
    evidence="Staff survey from last year; two workers already try this informally.",
    actions="Two workers from different teams share ten cases.", start=date(2026, 1, 5), end=date(2026, 4, 30),
    participants="Two support workers, their manager, five people they support",
    affected="People on the shared caseload", data="Weekly notes on time spent; a short conversation with each person",
    sense_making="Monthly reflective session with the workers, their manager and two of the people supported",
    learning="Whether time with people grows, and what gets in the way", if_fails="We share what happened at the team meeting")


def severities(design):
    return {f.check: f.severity for f in review(design, CONTENT)}


def test_a_complete_small_open_design_meets_every_check():
    assert set(severities(GOOD).values()) == {"met"}


@pytest.mark.parametrize("change, check, severity", [
    ({"end": None}, "dates", "gap"),
    ({"start": date(2026, 5, 1)}, "dates", "gap"),
    ({"end": date(2027, 6, 1)}, "short", "caution"),
    ({"actions": "Roll it out across the whole country at once", "scale": "country"}, "small", "gap"),
    ({"question": "Can we prove that shared caseloads work?"}, "open", "gap"),
    ({"sense_making": ""}, "sense-making", "gap"),
    ({"sense_making": "The manager reads the notes"}, "together", "caution"),
    ({"if_fails": "We will hide it and carry on"}, "failure", "gap"),
    ({"if_fails": ""}, "failure", "gap"),
    ({"question": "  "}, "question", "gap"),
    ({"evidence": ""}, "evidence", "caution"),
    ({"data": ""}, "data", "gap"),
    ({"learning": ""}, "learning", "caution"),
])
def test_each_rule_flags_its_own_problem_and_nothing_else(change, check, severity):
    got = severities(replace(GOOD, **change))
    assert got[check] == severity
    related = {"sense-making": {"together"}, "dates": {"short"}}.get(check, set())
    others = {k: v for k, v in got.items() if k != check and k not in related}
    assert set(others.values()) == {"met"}, others


def test_end_before_start_says_both_dates():
    findings = review(replace(GOOD, start=date(2026, 5, 1)), CONTENT)
    dates = next(f for f in findings if f.check == "dates")
    assert "2026-04-30" in dates.message and "2026-05-01" in dates.message


def test_reversed_or_missing_dates_do_not_claim_the_experiment_runs_too_long():
    for d in (replace(GOOD, start=date(2026, 12, 10), end=date(2026, 11, 10)), replace(GOOD, start=None, end=None)):
        found = {f.check: f for f in review(d, CONTENT)}
        assert found["dates"].severity == "gap"
        assert found["short"].severity == "caution"
        assert "more than" not in found["short"].message and "once it has a start date" in found["short"].message
    long = {f.check: f for f in review(replace(GOOD, start=date(2026, 1, 1), end=date(2027, 6, 1)), CONTENT)}
    assert long["dates"].severity == "met" and "more than 12 months" in long["short"].message


def test_gaps_come_first():
    findings = review(replace(GOOD, data="", evidence=""), CONTENT)
    assert [f.severity for f in findings][:2] == ["gap", "caution"]


def test_unknown_scale_is_refused_with_the_known_ones():
    with pytest.raises(KeyError, match="unknown scale 'galaxy'.*person"):
        review(replace(GOOD, scale="galaxy"), CONTENT)


def test_every_check_stands_for_a_criterion_in_the_content():
    for check in CHECKS:
        assert criterion_text(CONTENT, check.criterion)


def test_an_empty_design_meets_no_criterion():
    assert "met" not in severities(ExperimentDesign()).values()
    assert "met" not in severities(ExperimentDesign(title="  ", question="\n")).values()
