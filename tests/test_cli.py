"""Facilitator commands, run as a trainer would: a blank template, then a pooled report from files."""
from __future__ import annotations

import json

from click.testing import CliRunner

from hlskit.cli import main


def answered(template: dict, values: dict, name: str) -> str:
    return json.dumps({**template, "name": name, "answers": values})


def test_template_then_pool_writes_an_offline_report_without_names(tmp_path, overlay):
    run = CliRunner()
    res = run.invoke(main, ["template", "mini", "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    blank = json.loads(res.output)
    assert set(blank["answers"]) == {"t1", "t2", "r1", "r2"} and blank["version"] == 2
    files = []
    for n, v in enumerate([1, 3, 5]):
        p = tmp_path / f"p{n}.json"
        p.write_text(answered(blank, {"t1": v, "t2": 6 - v, "r1": 4, "r2": "dk"}, f"Hidden Name {n}"))
        files.append(str(p))
    broken = tmp_path / "broken.json"
    broken.write_text("{")
    out = tmp_path / "report.html"
    res = run.invoke(main, ["pool", *files, str(broken), "--out", str(out), "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    assert "Skipped number 4" in res.output and "broken.json" in res.output    # the console names the file
    html = out.read_text()
    assert "3 people answered" in html and html.count("<svg") == 2
    assert "Hidden Name" not in html and "http" not in html.split("<svg")[0].lower().replace("http-equiv", "")
    assert "Time to learn" in html
    assert "broken" not in html and "1 of the 4 files or codes given were not used" in html   # the report does not
    assert "Number 4: is not a response file" in html


def test_pool_below_minimum_group_writes_nothing(tmp_path, overlay):
    p = tmp_path / "one.json"
    p.write_text(json.dumps({"format": "hls-response/1", "instrument": "mini", "version": 2, "answers": {"t1": 2}}))
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["pool", str(p), "--out", str(out), "--overlay", str(overlay)])
    assert res.exit_code == 2 and "at least 3" in res.output and not out.exists()


def test_unknown_instrument_is_named(overlay):
    res = CliRunner().invoke(main, ["template", "nope", "--overlay", str(overlay)])
    assert res.exit_code == 2 and "unknown instrument 'nope'" in res.output


def test_pool_reads_only_the_self_assessments(tmp_path, overlay):
    """Pooling needs the instruments alone: a broken case file elsewhere in the folder does not stop it,
    a broken self-assessment does, with a message naming the file."""
    files = []
    for n, v in enumerate([1, 3, 5]):
        files.append(tmp_path / f"p{n}.json")
        files[-1].write_text(json.dumps({"format": "hls-response/1", "instrument": "mini", "version": 2,
                                         "answers": {"t1": v}}))
    (overlay / "case_studies").mkdir()
    (overlay / "case_studies" / "draft.yaml").write_text("id: [unfinished\n")
    out = tmp_path / "report.html"
    res = CliRunner().invoke(main, ["pool", *map(str, files), "--out", str(out), "--overlay", str(overlay)])
    assert res.exit_code == 0 and "3 people answered" in out.read_text(), res.output
    broken = overlay / "instruments" / "draft.yaml"
    broken.write_text("id: [unfinished\n")
    res = CliRunner().invoke(main, ["pool", *map(str, files), "--out", str(out), "--overlay", str(overlay)])
    assert res.exit_code == 1 and f"Problem: file {broken}: is not valid YAML" in res.output
