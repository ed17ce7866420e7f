"""`hlskit pool` as a careless or hurried facilitator would run it: nothing is overwritten, no tiny
"team", mixed self-assessments named, and file names kept out of the report."""
from __future__ import annotations

import json
from html import unescape

from click.testing import CliRunner

from hlskit.cli import main


def answers(tmp_path, n, instrument="mini", version=2, prefix="response"):
    items = {"mini": ["t1", "t2", "r1", "r2"], "other": ["o1"]}[instrument]
    files = []
    for k in range(n):
        p = tmp_path / f"{prefix}-{k + 1:02d}.json"
        p.write_text(json.dumps({"format": "hls-response/1", "instrument": instrument, "version": version,
                                 "name": f"Person {k}", "answers": {i: 1 + (k + j) % 3 for j, i in enumerate(items)}}))
        files.append(p)
    return files


def run(*args):
    return CliRunner().invoke(main, ["pool", *map(str, args)])


def test_out_that_is_one_of_the_inputs_is_refused_and_the_file_kept(tmp_path, overlay):
    files = answers(tmp_path, 3)
    before = files[0].read_text()
    res = run(*files, "--out", files[0], "--overlay", overlay)
    assert res.exit_code == 2 and "is one of the answer files you gave" in res.output
    assert files[0].read_text() == before and "Traceback" not in res.output


def test_out_over_another_existing_file_is_refused(tmp_path, overlay):
    files = answers(tmp_path, 3)
    notes = tmp_path / "notes.html"
    notes.write_text("<p>my session notes</p>")
    res = run(*files, "--out", notes, "--overlay", overlay)
    assert res.exit_code == 2 and "already exists and is not a team report" in res.output
    assert notes.read_text() == "<p>my session notes</p>"
    other = answers(tmp_path, 1, prefix="not-given")[0]        # an answer file that is not among the inputs
    res = run(*files, "--out", other, "--overlay", overlay)
    assert res.exit_code == 2 and "not a team report" in res.output


def test_out_that_is_a_folder_gets_a_message_not_a_traceback(tmp_path, overlay):
    files = answers(tmp_path, 3)
    res = run(*files, "--out", tmp_path, "--overlay", overlay)
    assert res.exit_code == 2 and "is a folder; give a file name inside it" in res.output
    assert res.exception is None or isinstance(res.exception, SystemExit)


def test_an_earlier_team_report_may_be_replaced(tmp_path, overlay):
    files = answers(tmp_path, 3)
    out = tmp_path / "team.html"
    assert run(*files, "--out", out, "--overlay", overlay).exit_code == 0
    files += answers(tmp_path, 4, prefix="later")
    res = run(*files, "--out", out, "--overlay", overlay)
    assert res.exit_code == 0, res.output
    assert "7 people answered" in out.read_text()


def test_min_group_below_three_needs_the_documented_override(tmp_path, overlay):
    files = answers(tmp_path, 1)
    out = tmp_path / "team.html"
    for n in ("0", "1", "2"):
        res = run(*files, "--out", out, "--min-group", n, "--overlay", overlay)
        assert res.exit_code == 2 and "--allow-small-group" in res.output and "read one person's answers" in res.output
        assert not out.exists()
    res = run(*files, "--out", out, "--min-group", "1", "--allow-small-group", "--overlay", overlay)
    assert res.exit_code == 0, res.output
    html = unescape(out.read_text())
    assert "1 person answered" in html and "fewer than 3 people, at the group's own request" in html
    help_text = " ".join(CliRunner().invoke(main, ["pool", "--help"]).output.split())
    assert "--allow-small-group" in help_text and "every participant agrees" in help_text


def test_mixed_instruments_say_which_file_answers_which(tmp_path, overlay):
    mini = answers(tmp_path, 3)
    other = answers(tmp_path, 2, instrument="other", version=1, prefix="other")
    out = tmp_path / "team.html"
    res = run(*mini, *other, "--out", out, "--overlay", overlay)
    assert res.exit_code == 2 and not out.exists()
    assert f"'mini': {mini[0]}, {mini[1]}, {mini[2]}" in res.output
    assert f"'other': {other[0]}, {other[1]}" in res.output and "--instrument" in res.output
    res = run(*mini, *other, "--out", out, "--instrument", "mini", "--overlay", overlay)
    assert res.exit_code == 0, res.output
    assert f"{other[0]}: answers 'other', not 'mini'" in res.output
    html = unescape(out.read_text())
    assert "3 people answered" in html and "Number 4: answers 'other', not 'mini'" in html and "other-01" not in html


def test_skipped_files_are_counted_and_placed_in_the_report_never_named(tmp_path, overlay):
    files = answers(tmp_path, 3)
    named = tmp_path / "Jane Smith.json"
    named.write_text('{"format": "hls-response/1", "instrument": "mini", "version": 2, "answers": {"t1": 9}}')
    out = tmp_path / "team.html"
    res = run(files[0], named, *files[1:], "--out", out, "--overlay", overlay)
    assert res.exit_code == 0 and "Jane Smith.json" in res.output
    html = unescape(out.read_text())
    assert "Jane" not in html and "Smith" not in html
    assert "1 of the 4 files or codes given were not used" in html and "Number 2: item 't1': 9 is outside" in html
