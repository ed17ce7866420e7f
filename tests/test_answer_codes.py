"""Answer codes: what a participant pastes into the chat, and what the facilitator's pool makes of it."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hlskit import answer_codes as C
from hlskit import assessments as A
from hlskit.cli import main
from hlskit.content import load_content

FIXTURE = Path(__file__).parent / "fixtures" / "content"
CONTENT = load_content(base=FIXTURE, case_studies=FIXTURE / "no-cases")
MINI = CONTENT.instrument("mini")


def test_a_code_carries_instrument_version_and_answers_but_no_name():
    code = C.encode(MINI, {"t1": 4, "r1": "dk", "r2": 1}, key="ab12")
    assert code.startswith("hls1-mini-v2-40d1-ab12-") and len(code.split("-")[-1]) == 7
    back = C.decode(code, CONTENT)
    assert back.raw["answers"] == {"t1": 4, "r1": "dk", "r2": 1} and back.key == "ab12"
    assert C.decode(code.upper() + "  ", CONTENT).raw == back.raw          # case and spaces do not matter


def test_every_single_changed_character_is_caught():
    code = C.encode(MINI, {"t1": 4, "t2": 2, "r1": 3, "r2": 5}, key="zz99")
    alphabet = "0123456789abcdefghijklmnopqrstuvwxyz-"
    for i, ch in enumerate(code):
        for other in alphabet:
            if other == ch:
                continue
            with pytest.raises(ValueError):
                C.decode(code[:i] + other + code[i + 1:], CONTENT)


@pytest.mark.parametrize("cut", [1, 5, 9, 14, 25])
def test_a_cut_short_code_is_refused_with_a_reason(cut):
    code = C.encode(MINI, {"t1": 4}, key="k000")
    with pytest.raises(ValueError, match="copy it again"):
        C.decode(code[:-cut], CONTENT)


def test_a_code_for_an_older_version_is_kept_apart():
    body = "hls1-mini-v1-4000-k000"
    with pytest.raises(ValueError, match="current version is 2"):
        C.decode(f"{body}-{C.check_letters(body)}", CONTENT)


def test_codes_in_chat_text_pool_like_files_and_a_later_code_replaces_an_earlier_one():
    one = C.encode(MINI, {"t1": 1, "t2": 5}, key="aaaa")
    two = C.encode(MINI, {"t1": 3, "t2": 3}, key="bbbb")
    same_answers_other_person = C.encode(MINI, {"t1": 3, "t2": 3}, key="cccc")
    changed_mind = C.encode(MINI, {"t1": 5, "t2": 1}, key="aaaa")
    chat = (f"10:02 Anna Lee: {one}\n10:03 Ben: {two}\n10:03 Ben: {two}\n"
            f"10:04 Chris: {same_answers_other_person}\n10:05 Anna Lee: sorry, this one {changed_mind}\n")
    loaded = A.load_responses([], CONTENT, codes=chat)
    assert [(p.position, p.problem) for p in loaded.problems] == [
        (1, "is an earlier answer code from the same person as number 5; only the later one is counted"),
        (3, "is the same as number 2, so it is counted once")]
    assert len(loaded.responses) == 3 and loaded.given == 5
    assert sorted(r.answers["t1"] for r in loaded.responses) == [3, 3, 5]
    assert all("Anna" not in json.dumps(r.__dict__) for r in loaded.responses)


def test_hlskit_pool_reads_a_text_file_of_codes_next_to_answer_files(tmp_path, overlay):
    f = tmp_path / "p1.json"
    f.write_text(A.response_json(MINI, {"t1": 2, "t2": 4}))
    codes = tmp_path / "chat.txt"
    codes.write_text(C.encode(MINI, {"t1": 4}, key="k001") + "\n" + C.encode(MINI, {"t1": 5}, key="k002")[:-1] + "x\n")
    out = tmp_path / "team.html"
    res = CliRunner().invoke(main, ["pool", str(f), str(codes), "--out", str(out), "--min-group", "2",
                                    "--allow-small-group", "--overlay", str(overlay)])
    assert res.exit_code == 0, res.output
    assert "chat.txt code 2" in res.output and "check letters do not match" in res.output
    assert "2 people answered" in out.read_text()
