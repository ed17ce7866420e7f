"""Scoring, pooling and every kind of bad response file, on a small instrument written for the tests."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from hlskit import assessments as A
from hlskit.content import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CONTENT = load_content(base=FIXTURE, case_studies=FIXTURE / "no-cases")
MINI = CONTENT.instrument("mini")


def response(answers, **extra):
    return json.dumps({"format": A.FORMAT, "instrument": "mini", "version": 2, "answers": answers, **extra})


def test_score_flips_reverse_items_and_counts_dont_know():
    r = A.parse_response(response({"t1": 4, "t2": 2, "r1": "dk", "r2": 5}), "x.json", CONTENT)
    prof = A.score(r, MINI).set_index("dimension")
    assert prof.loc["time", "score"] == 4.0          # 4 and (6 - 2) = 4
    assert prof.loc["time", "spread"] == 0.0
    assert prof.loc["trust", "score"] == 5.0 and prof.loc["trust", "answered"] == 1
    assert prof.loc["trust", "dont_know"] == 1


def test_reflections_pick_lowest_and_most_divided():
    r = A.parse_response(response({"t1": 1, "t2": 5, "r1": 5, "r2": 1}), "x.json", CONTENT)
    ref = A.reflections(A.score(r, MINI), MINI, how_many=1)
    assert list(ref.why) == ["lowest", "most divided"]
    assert ref.iloc[0].dimension == "time" and ref.iloc[0].prompt == "Protect an hour a week."
    assert ref.iloc[1].dimension == "trust"


@pytest.mark.parametrize("data, words", [
    (b"", "is empty"),
    ("caf\u00e9".encode("latin-1"), "not UTF-8"),
    (b"{not json", "not valid JSON"),
    (json.dumps({"answers": {}}).encode(), "not a response file"),
    (json.dumps({"format": A.FORMAT, "instrument": "nope", "version": 1, "answers": {}}).encode(), "unknown instrument 'nope'"),
    (response({"o1": 2}).encode(), "item 'o1' belongs to instrument 'other'"),
    (response({"zz": 2}).encode(), "item 'zz' is not an item"),
    (b'{"format": "hls-response/1", "instrument": "mini", "version": 2, "answers": {"t1": 1, "t1": 2}}', "answered twice"),
    (response({"t1": 6}).encode(), "6 is outside the scale 1 to 5"),
    (response({"t1": "four"}).encode(), "item 't1': \"four\" is not a whole number"),
    (response({"t1": 2.5}).encode(), "item 't1': 2.5 is not a whole number"),
    (b"x" * 1_000_001, "far larger than any answers file"),
    (json.dumps({"format": A.FORMAT, "instrument": "mini", "version": 1, "answers": {}}).encode(), "current version is 2"),
])
def test_each_bad_file_gets_a_clear_reason(data, words):
    with pytest.raises(A.ResponseError) as info:
        A.parse_response(data, "team/anna.json", CONTENT)
    assert info.value.file == "team/anna.json" and words in str(info.value)


def test_bad_files_are_skipped_and_the_rest_still_load(tmp_path):
    good = []
    for n, v in enumerate([1, 3, 5]):
        p = tmp_path / f"r{n}.json"
        p.write_text(response({"t1": v, "r1": 5 - v + 1}, name=f"Person {n}"))
        good.append(p)
    bad = tmp_path / "bad.json"
    bad.write_text("")
    loaded = A.load_responses(good + [bad, good[0], tmp_path / "missing.json"], CONTENT)
    assert len(loaded.responses) == 3
    assert [(p.position, p.problem) for p in loaded.problems] == [
        (4, "is empty"), (5, "is the same as number 1, so it is counted once"), (6, "does not exist")]
    assert loaded.given == 6


def test_pool_refuses_small_groups_and_hides_names():
    rs = [A.parse_response(response({"t1": v, "t2": 3, "r1": v, "r2": "dk"}, name=f"Secret{v}"), f"{v}.json", CONTENT)
          for v in (1, 5)]
    with pytest.raises(A.GroupTooSmall, match="at least 3"):
        A.pool(rs, MINI)
    rs.append(A.parse_response(response({"t1": 3, "t2": 3, "r1": 3}), "3.json", CONTENT))
    team = A.pool(rs, MINI, min_group=3)
    assert team.respondents == 3
    text = " ".join(df.to_csv() for df in (team.distribution, team.dimensions, team.differences))
    assert "Secret" not in text
    dims = team.dimensions.set_index("dimension")
    assert dims.loc["time", "mean"] == pytest.approx(3.0) and dims.loc["trust", "dont_know"] == 2
    assert team.differences.iloc[0]["item"] in ("t1", "r1") and team.differences.iloc[-1]["item"] == "t2"
    counts = team.distribution[team.distribution["item"] == "t1"].set_index("answer")["count"]
    assert counts.to_dict() == {1: 1, 3: 1, 5: 1}


def test_blank_response_is_a_valid_file_once_answered():
    blank = A.blank_response(MINI)
    blank["answers"] = {k: 3 for k in blank["answers"]}
    r = A.parse_response(json.dumps(blank), "blank.json", CONTENT)
    assert set(r.answers) == {"t1", "t2", "r1", "r2"}


def test_team_talking_points_label_each_dimension_by_why_it_was_picked():
    from hlskit.reports import one_decimal, report_model
    rs = [A.parse_response(response({"t1": t, "t2": 3, "r1": r, "r2": r}), f"{n}.json", CONTENT)
          for n, (t, r) in enumerate([(1, 2), (2, 2), (3, 2)])]
    model = report_model(A.pool(rs, MINI), MINI)
    whys = [(t["name"], t["why"]) for t in model["talk"]]
    # time: person means 2, 2.5, 3 -> average 2.5, range 2-3; trust: 2, 2, 2 -> average 2.0, no spread
    assert whys == [("Trust", "lowest average, 2.0"), ("Time to learn", "next lowest average, 2.5, and most divided, "
                                                                       "from 2.0 to 3.0")]
    assert [one_decimal(x) for x in (2.25, 2.35, 0.05, 2.0)] == ["2.3", "2.4", "0.1", "2.0"]   # half-up, like the page
