"""Reading a group's answers: response files and answer codes, checked by the shared pooling rules.

A bad file or code is named with its reason and set aside; the rest are still used. Every problem
also carries its place in the order given, so the team report can list it without the file's name
(file names are often people's names).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from . import answer_codes
from .content import Content
from .pooling_rules import message, rules, shown
from .schema import Instrument

FORMAT = rules()["format"]
DONT_KNOW = rules()["dont_know"]


class ResponseError(ValueError):
    """One response file or code cannot be used; names it and the problem."""

    def __init__(self, file: str, problem: str, position: int = 0):
        self.file, self.problem, self.position = file, problem, position
        super().__init__(f"{file}: {problem}")


class MixedInstruments(ValueError):
    """The usable answers are to more than one self-assessment; ``groups`` says which are which."""

    def __init__(self, groups: dict[str, list[str]]):
        self.groups = groups
        text = "; ".join(message("mixed_group", instrument=k, sources=", ".join(v)) for k, v in sorted(groups.items()))
        super().__init__(message("mixed", groups=text))


@dataclass(frozen=True)
class Response:
    instrument: str
    version: int
    answers: dict[str, int | str]
    date: str = ""
    name: str = ""            # optional alias: shown back to its owner, never in team outputs
    file: str = ""
    position: int = 0         # place in the order given (1, 2, ...), shown instead of the file name


def _no_duplicate_keys(file: str):
    def hook(pairs):
        result = dict(pairs)
        if len(result) < len(pairs):
            seen: set[str] = set()
            dup = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise ResponseError(file, message("duplicate_item", item=dup))
        return result
    return hook


def _text(data: bytes | str, file: str) -> str:
    if isinstance(data, bytes):
        if len(data) > rules()["max_file_bytes"]:
            raise ResponseError(file, message("too_big", size=math.floor(len(data) / 1000 + 0.5)))
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ResponseError(file, message("not_utf8")) from None
    if not data.strip():
        raise ResponseError(file, message("empty"))
    return data


def check_raw(raw, file: str, content: Content, position: int = 0) -> Response:
    """Check a decoded response (from a file or a code) against its instrument."""
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ResponseError(file, message("not_response", format=FORMAT))
    inst_id = raw.get("instrument")
    try:
        if not isinstance(inst_id, str):
            raise KeyError(inst_id)
        inst = content.instrument(inst_id)
    except KeyError:
        known = ", ".join(i.id for i in content.instruments)
        shown_id = inst_id if isinstance(inst_id, str) else shown(raw.get("instrument", ...))
        raise ResponseError(file, message("unknown_instrument", instrument=shown_id, known=known)) from None
    if raw.get("version") != inst.version or isinstance(raw.get("version"), bool):
        raise ResponseError(file, message("old_version", got=shown(raw.get("version", ...)), instrument=inst.id,
                                          current=inst.version))
    answers = raw.get("answers")
    if not isinstance(answers, dict):
        raise ResponseError(file, message("no_answers"))
    items = {i.id for i in inst.items}
    top = len(inst.scale)
    clean = {}
    for item_id, value in answers.items():
        if item_id not in items:
            other = next((i.id for i in content.instruments for it in i.items if it.id == item_id and i.id != inst.id), None)
            raise ResponseError(file, message("other_instrument_item", item=item_id, other=other) if other
                                else message("unknown_item", item=item_id))
        if value is None:
            continue
        if value == DONT_KNOW:
            clean[item_id] = value
            continue
        if isinstance(value, float) and value.is_integer():   # JSON has one kind of number: 3.0 is 3
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ResponseError(file, message("not_a_number", item=item_id, value=shown(value), top=top))
        if not 1 <= value <= top:
            raise ResponseError(file, message("outside_scale", item=item_id, value=value, top=top))
        clean[item_id] = value
    return Response(inst.id, inst.version, clean, str(raw.get("date", "")), str(raw.get("name", "") or ""), file,
                    position)


def blank_response(inst: Instrument) -> dict:
    """A response file with every item present and unanswered, for people filling it in by hand."""
    return {"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": "", "name": "",
            "answers": {it.id: None for it in inst.items},
            "_how_to_answer": {"scale": {str(p.value): p.label for p in inst.scale}, DONT_KNOW: inst.dont_know,
                               "items": {it.id: it.text for it in inst.items}}}


def response_json(inst: Instrument, answers: dict[str, int | str], date: str = "", name: str = "") -> str:
    """A response file's text, as the live self-assessment saves it."""
    return json.dumps({"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": date,
                       "name": name, "answers": answers}, indent=1, ensure_ascii=False)


def parse_response(data: bytes | str, file: str, content: Content, position: int = 0) -> Response:
    """Check one response file against its instrument; raise ResponseError saying what is wrong."""
    text = _text(data, file)
    try:
        raw = json.loads(text, object_pairs_hook=_no_duplicate_keys(file))
    except json.JSONDecodeError as exc:
        raise ResponseError(file, message("not_json", line=exc.lineno)) from None
    return check_raw(raw, file, content, position)


@dataclass
class Loaded:
    responses: list[Response] = field(default_factory=list)
    problems: list[ResponseError] = field(default_factory=list)
    given: int = 0            # how many files and codes were given, bad ones included


class _Reader:
    """Collects responses in the order given, setting aside duplicates and a person's earlier codes."""

    def __init__(self, content: Content, instrument: str | None):
        self.content, self.instrument, self.out = content, instrument, Loaded()
        self.codes: dict[str, int] = {}       # code text -> position
        self.keys: dict[tuple, int] = {}      # (instrument, key) -> index in responses

    def problem(self, file: str, problem: str) -> None:
        self.out.problems.append(ResponseError(file, problem, self.out.given))

    def add(self, resp: Response) -> None:
        if self.instrument and resp.instrument != self.instrument:
            self.problem(resp.file, message("not_this_instrument", got=resp.instrument, want=self.instrument))
            return
        self.out.responses.append(resp)

    def file(self, path: Path, data: bytes) -> None:
        try:
            text = _text(data, str(path))
        except ResponseError as exc:
            self.out.given += 1
            return self.problem(exc.file, exc.problem)
        if text.lstrip().startswith("{") or not answer_codes.find_codes(text):
            self.out.given += 1
            try:
                return self.add(parse_response(text, str(path), self.content, self.out.given))
            except ResponseError as exc:
                return self.problem(exc.file, exc.problem if text.lstrip().startswith("{") else message("no_codes"))
        for k, code in enumerate(answer_codes.find_codes(text), start=1):
            self.code(code, f"{path} code {k}")

    def code(self, code: str, source: str) -> None:
        self.out.given += 1
        if code in self.codes:
            return self.problem(source, message("given_twice", first=self.codes[code]))
        self.codes[code] = self.out.given
        try:
            decoded = answer_codes.decode(code, self.content)
            resp = check_raw(decoded.raw, source, self.content, self.out.given)
        except ValueError as exc:
            return self.problem(source, getattr(exc, "problem", str(exc)))
        same = (resp.instrument, decoded.key)
        if same in self.keys:      # the same person's browser: their later code replaces the earlier one
            i = self.keys[same]
            earlier = self.out.responses[i]
            self.out.problems.append(ResponseError(earlier.file, message("same_person", later=resp.position),
                                                   earlier.position))
            self.out.responses[i] = resp
            return
        if not self.instrument or resp.instrument == self.instrument:
            self.keys[same] = len(self.out.responses)
        self.add(resp)


def load_responses(paths: list[str | Path], content: Content, instrument: str | None = None,
                   codes: str = "") -> Loaded:
    """Read response files, text files of answer codes, and pasted ``codes``; bad ones are set aside."""
    reader, seen = _Reader(content, instrument), {}
    for p in paths:
        path = Path(p)
        key = path.resolve()
        if key in seen:
            reader.out.given += 1
            reader.problem(str(path), message("given_twice", first=seen[key]))
            continue
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            reader.out.given += 1
            reader.problem(str(path), "does not exist")
            continue
        except OSError as exc:
            reader.out.given += 1
            reader.problem(str(path), f"cannot be read ({exc.strerror or exc})")
            continue
        seen[key] = reader.out.given + 1
        reader.file(path, data)
    for k, code in enumerate(answer_codes.find_codes(codes), start=1):
        reader.code(code, f"pasted code {k}")
    out = reader.out
    out.problems.sort(key=lambda p: p.position)
    groups: dict[str, list[str]] = {}
    for r in out.responses:
        groups.setdefault(r.instrument, []).append(r.file)
    if len(groups) > 1:
        raise MixedInstruments(groups)
    return out
