"""Careless or hostile content files: an alias bomb, huge or binary text, tabs. One clear message each."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from hlskit.content import load_content
from hlskit.errors import ContentError

ROOT = Path(__file__).resolve().parents[1]
CASE = yaml.safe_load((ROOT / "case_studies" / "dorset.yaml").read_text())


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """A stage whose id is 9 nested lists of 9 references each: tiny on disk, 9**9 strings when expanded."""
    lines = ["- x0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    for n in range(1, levels):
        lines.append(f"  x{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    lines.append(f"  id: *a{levels - 1}")
    return "\n".join(lines) + "\n"


def _capped(code: str) -> subprocess.CompletedProcess:
    """Run Python in a child with 1 GB of memory and 20 s, so a regression fails the test, not the machine."""
    cap = "import resource; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
    return subprocess.run([sys.executable, "-c", cap + code], capture_output=True, text=True, timeout=20)


def test_an_alias_bomb_id_gets_one_message_naming_file_and_field(tmp_path):
    (tmp_path / "stages.yaml").write_text(alias_bomb(), encoding="utf-8")
    proc = _capped("from hlskit.content import load_content\nfrom hlskit.errors import ContentError\n"
                   f"try:\n    load_content({str(tmp_path)!r})\nexcept ContentError as e:\n"
                   "    print(e.file, e.record, e.field, e.problem, sep='|')\n")
    assert proc.returncode == 0, proc.stderr[-500:]
    file, record, field, problem = proc.stdout.strip().split("|")
    assert file.endswith("stages.yaml") and field == "id", proc.stdout
    assert "alias" in problem.lower(), problem


def test_the_check_command_answers_an_alias_bomb_with_one_line(tmp_path):
    (tmp_path / "stages.yaml").write_text(alias_bomb(), encoding="utf-8")
    proc = _capped(f"import sys; sys.argv = ['hlskit', 'check', '--overlay', {str(tmp_path)!r}]\n"
                   "from hlskit.cli import main; main()")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-500:]
    (line,) = [x for x in (proc.stdout + proc.stderr).splitlines() if x.strip()]
    assert "stages.yaml" in line and "field 'id'" in line, line


def test_aliases_that_expand_too_far_in_any_field_are_refused(tmp_path):
    text = alias_bomb(levels=7, width=6).replace("  x6: &a6", "  summary: &a6").replace("*a6", "purpose")
    (tmp_path / "stages.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert info.value.field == "summary" and "alias" in info.value.problem, str(info.value)


def write_case(tmp_path: Path, **changes) -> Path:
    folder = tmp_path / "cases"
    folder.mkdir(exist_ok=True)
    (folder / "big.yaml").write_text(yaml.safe_dump({**CASE, "id": "big", **changes}), encoding="utf-8")
    return folder


@pytest.mark.parametrize("changes, field, words", [
    ({"practices": ["x" * 5_000_000]}, "practices", "5,000,000 characters"),
    ({"practices": ["Do this."] * 500}, "practices", "500 entries"),
    ({"name": "N" * 1_000}, "name", "1,000 characters"),
    ({"url": "https://example.org/" + "a" * 5_000}, "url", "characters"),
    ({"sources": [{"file": "f" * 300 + ".txt", "lines": [1, 2]}]}, "sources.0.file", "characters"),
    ({"name": "Bad\x00name"}, "name", "control character (U+0000)"),
])
def test_text_beyond_a_sensible_length_is_refused_naming_the_field(tmp_path, changes, field, words):
    with pytest.raises(ContentError) as info:
        load_content(case_studies=write_case(tmp_path, **changes))
    err = info.value
    assert err.file.endswith("big.yaml") and err.record == "big" and err.field == field, str(err)
    assert words in err.problem, err.problem


def test_long_instrument_items_are_refused(tmp_path):
    inst = yaml.safe_load(next((ROOT / "tools" / "hlskit" / "content" / "instruments").glob("*.yaml")).read_text())
    inst["id"] = "long-items"
    inst["items"][0]["text"] = "We " + "really " * 1500 + "learn."
    (tmp_path / "instruments").mkdir()
    (tmp_path / "instruments" / "long.yaml").write_text(yaml.safe_dump(inst), encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    assert info.value.field == "items.0.text" and "characters" in info.value.problem


def test_every_shipped_record_is_within_the_limits():
    c = load_content()        # raises if any shipped text is too long
    assert len(c.case_studies) >= 30


def test_a_tab_indented_line_is_named_with_its_column(tmp_path):
    (tmp_path / "stages.yaml").write_text("- id: purpose\n\torder: 1\n", encoding="utf-8")
    with pytest.raises(ContentError) as info:
        load_content(tmp_path)
    problem = info.value.problem
    assert "tab" in problem.lower() and "line 2" in problem and "column 1" in problem, problem
