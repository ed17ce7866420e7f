"""Answer codes: one person's answers as a short line of text to paste into a meeting chat.

    hls1-equity-v1-3201d3230132-k7q2-0x9fz3a
    prefix, instrument id, version, one character per item in the instrument's order ("0" not
    answered, "d" don't know, "1".."9" the answer), a random key, and a CRC-32 check in base 36.

No name is carried. The key tells two people with the same answers apart, and tells a person's
later code from an earlier one. The check catches any changed, added or lost character. The
rules (prefix, characters, lengths) are in the shared rule file, so the Team results page
reads and writes exactly the same codes.
"""
from __future__ import annotations

import re
import secrets
import zlib
from dataclasses import dataclass

from .content import Content
from .pooling_rules import message, rules, shown
from .schema import Instrument

_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def _base36(n: int, width: int) -> str:
    out = ""
    while n:
        n, r = divmod(n, 36)
        out = _DIGITS[r] + out
    return out.rjust(width, "0")


def check_letters(body: str) -> str:
    return _base36(zlib.crc32(body.encode("utf-8")), rules()["code"]["check_length"])


def new_key() -> str:
    n = rules()["code"]["key_length"]
    return "".join(secrets.choice(_DIGITS) for _ in range(n))


def encode(inst: Instrument, answers: dict[str, int | str], key: str | None = None) -> str:
    """The answer code for ``answers`` (item id -> 1..n or "dk"), with a fresh key unless one is given."""
    code = rules()["code"]
    if len(inst.scale) > code["max_scale"]:
        raise ValueError(f"'{inst.id}' has a {len(inst.scale)}-point scale; answer codes hold up to {code['max_scale']}")
    chars = []
    for it in inst.items:
        v = answers.get(it.id)
        chars.append(code["dont_know"] if v == rules()["dont_know"] else code["unanswered"] if v is None else str(v))
    body = "-".join([code["prefix"], inst.id, f"v{inst.version}", "".join(chars), key or new_key()])
    return f"{body}-{check_letters(body)}"


def find_codes(text: str) -> list[str]:
    """Every answer code in a pasted text (chat lines with names and times around them are fine)."""
    return re.findall(rules()["code"]["pattern"], text.lower())


@dataclass(frozen=True)
class Decoded:
    raw: dict          # the same shape as a response file, for the same checks
    key: str


def decode(code_text: str, content: Content) -> Decoded:
    """Read one code; raise ValueError with the shared wording if it is mistyped, cut short or stale."""
    code = rules()["code"]
    text = code_text.strip().lower()
    parts = text.split("-")
    if len(parts) < 6 or parts[0] != code["prefix"] or len(parts[-1]) != code["check_length"] \
            or not re.fullmatch(r"v[0-9]+", parts[-4]):
        raise ValueError(message("code_broken"))
    body = text[: -(code["check_length"] + 1)]
    if check_letters(body) != parts[-1]:
        raise ValueError(message("code_check"))
    inst_id, version, chars, key = "-".join(parts[1:-4]), int(parts[-4][1:]), parts[-3], parts[-2]
    try:
        inst = content.instrument(inst_id)
    except KeyError:
        known = ", ".join(i.id for i in content.instruments)
        raise ValueError(message("unknown_instrument", instrument=inst_id, known=known)) from None
    if version != inst.version:
        raise ValueError(message("old_version", got=shown(version), instrument=inst.id, current=inst.version))
    if len(chars) != len(inst.items):
        raise ValueError(message("code_length", got=len(chars), instrument=inst.id, version=inst.version,
                                 want=len(inst.items)))
    top, answers = len(inst.scale), {}
    for pos, (it, ch) in enumerate(zip(inst.items, chars), start=1):
        if ch == code["unanswered"]:
            continue
        if ch == code["dont_know"]:
            answers[it.id] = rules()["dont_know"]
        elif ch.isdigit() and 1 <= int(ch) <= top:
            answers[it.id] = int(ch)
        else:
            raise ValueError(message("code_value", value=ch, position=pos, top=top))
    return Decoded({"format": rules()["format"], "instrument": inst.id, "version": inst.version,
                    "answers": answers}, key)
