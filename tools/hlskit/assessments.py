"""Self-assessments: reading response files, scoring one response, pooling a group's answers.

A response file is small JSON that a person can read:
    {"format": "hls-response/1", "instrument": "learning-trust", "version": 1,
     "date": "2026-11-30", "name": "optional alias", "answers": {"item-id": 4, "other-item": "dk"}}
"dk" means "don't know"; it is counted, never scored. Scores are for learning together, not ranking:
team views need a minimum group size and never show names.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .content import Content
from .schema import Instrument

FORMAT = "hls-response/1"
DONT_KNOW = "dk"


class ResponseError(ValueError):
    """One response file cannot be used; names the file and the problem."""

    def __init__(self, file: str, problem: str):
        self.file, self.problem = file, problem
        super().__init__(f"{file}: {problem}")


class GroupTooSmall(ValueError):
    """Fewer responses than the minimum group size: a team view could identify people."""


@dataclass(frozen=True)
class Response:
    instrument: str
    version: int
    answers: dict[str, int | str]
    date: str = ""
    name: str = ""            # optional alias: shown back to its owner, never in team outputs
    file: str = ""


def _no_duplicate_keys(file: str):
    def hook(pairs):
        result = dict(pairs)
        if len(result) < len(pairs):
            seen: set[str] = set()
            dup = next(k for k, _ in pairs if k in seen or seen.add(k))
            raise ResponseError(file, f"item '{dup}' is answered twice")
        return result
    return hook


def parse_response(data: bytes | str, file: str, content: Content) -> Response:
    """Check one response file against its instrument; raise ResponseError saying what is wrong."""
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ResponseError(file, "is not UTF-8 text (was it saved in another encoding?)") from None
    if not data.strip():
        raise ResponseError(file, "is empty")
    try:
        raw = json.loads(data, object_pairs_hook=_no_duplicate_keys(file))
    except json.JSONDecodeError as exc:
        raise ResponseError(file, f"is not a response file (not valid JSON at line {exc.lineno})") from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise ResponseError(file, f"is not a response file (expected \"format\": \"{FORMAT}\")")
    inst_id = raw.get("instrument")
    try:
        inst = content.instrument(str(inst_id))
    except KeyError:
        known = ", ".join(i.id for i in content.instruments)
        raise ResponseError(file, f"unknown instrument '{inst_id}' (known: {known})") from None
    if raw.get("version") != inst.version:
        raise ResponseError(file, f"answers version {raw.get('version')} of '{inst.id}', but the current version is "
                                  f"{inst.version}; older answers are kept apart, not mixed in")
    answers = raw.get("answers")
    if not isinstance(answers, dict):
        raise ResponseError(file, "has no \"answers\" mapping")
    items = {i.id for i in inst.items}
    top = len(inst.scale)
    for item_id, value in answers.items():
        if item_id not in items:
            other = next((i.id for i in content.instruments for it in i.items if it.id == item_id and i.id != inst.id), None)
            why = f"belongs to instrument '{other}'" if other else "is not an item of this instrument"
            raise ResponseError(file, f"item '{item_id}' {why}")
        if value == DONT_KNOW or value is None:
            continue
        if isinstance(value, bool) or not isinstance(value, int):
            raise ResponseError(file, f"item '{item_id}': '{value}' is not a whole number from 1 to {top} or \"dk\"")
        if not 1 <= value <= top:
            raise ResponseError(file, f"item '{item_id}': {value} is outside the scale 1 to {top}")
    clean = {k: v for k, v in answers.items() if v is not None}
    return Response(inst.id, inst.version, clean, str(raw.get("date", "")), str(raw.get("name", "") or ""), file)


@dataclass
class Loaded:
    responses: list[Response] = field(default_factory=list)
    problems: list[ResponseError] = field(default_factory=list)


def load_responses(paths: list[str | Path], content: Content, instrument: str | None = None) -> Loaded:
    """Read many response files; a bad one is reported and skipped, the rest are still used."""
    out, seen = Loaded(), {}
    for p in paths:
        path = Path(p)
        key = path.resolve()
        if key in seen:
            out.problems.append(ResponseError(str(path), "was given twice; it is counted once"))
            continue
        seen[key] = True
        try:
            resp = parse_response(path.read_bytes(), str(path), content)
        except FileNotFoundError:
            out.problems.append(ResponseError(str(path), "does not exist"))
            continue
        except ResponseError as exc:
            out.problems.append(exc)
            continue
        if instrument and resp.instrument != instrument:
            out.problems.append(ResponseError(str(path), f"answers '{resp.instrument}', not '{instrument}'"))
            continue
        out.responses.append(resp)
    instruments = {r.instrument for r in out.responses}
    if len(instruments) > 1:
        raise ResponseError("(the set of files)", f"mixes instruments {sorted(instruments)}; pool one at a time")
    return out


ITEM_COLUMNS = ["item", "dimension", "answer", "scored", "dont_know", "reverse"]


def _item_rows(response: Response, inst: Instrument, top: int) -> list[tuple]:
    rows = []
    for it in inst.items:
        v = response.answers.get(it.id)
        num = v if isinstance(v, int) else None
        scored = (top + 1 - num if it.reverse else num) if num is not None else None
        rows.append((it.id, it.dimension, num, scored, v == DONT_KNOW, it.reverse))
    return rows


def item_values(response: Response, inst: Instrument) -> pd.DataFrame:
    """One row per item: raw answer, scored value (reverse items flipped), don't-know flag."""
    return pd.DataFrame(_item_rows(response, inst, len(inst.scale)), columns=ITEM_COLUMNS)


PROFILE_COLUMNS = ["dimension", "name", "score", "spread", "answered", "dont_know", "items"]


def score(response: Response, inst: Instrument) -> pd.DataFrame:
    """Per dimension: mean scored value, spread (highest minus lowest item), answered and don't-know counts."""
    values = item_values(response, inst)
    rows = []
    for d in inst.dimensions:
        part = values[values.dimension == d.id]
        got = part.scored.dropna()
        rows.append({"dimension": d.id, "name": d.name,
                     "score": float(got.mean()) if len(got) else None,
                     "spread": float(got.max() - got.min()) if len(got) else None,
                     "answered": int(len(got)), "dont_know": int(part.dont_know.sum()), "items": int(len(part))})
    return pd.DataFrame(rows, columns=PROFILE_COLUMNS)


@dataclass(frozen=True)
class TeamView:
    instrument: str
    respondents: int
    distribution: pd.DataFrame     # item, dimension, text, answer (label), count
    dimensions: pd.DataFrame       # dimension, name, mean, sd, low, high, respondents, dont_know
    differences: pd.DataFrame      # items ranked by disagreement: item, text, sd, spread, answered


def pool(responses: list[Response], inst: Instrument, min_group: int = 3) -> TeamView:
    """Pool a group's responses. Refused below ``min_group``; names never reach the output."""
    if len(responses) < min_group:
        raise GroupTooSmall(f"{len(responses)} response(s) for '{inst.id}'; a team view needs at least {min_group} "
                            "so that no one's answers can be picked out")
    top = len(inst.scale)
    rows = [(*row, n) for n, r in enumerate(responses) for row in _item_rows(r, inst, top)]
    allv = pd.DataFrame(rows, columns=[*ITEM_COLUMNS, "person"])   # one frame, built once
    labels = {p.value: p.label for p in inst.scale}
    text = {it.id: it.text for it in inst.items}
    answered = allv.dropna(subset=["answer"]).assign(answer_label=lambda d: d.answer.astype(int).map(labels))
    dist = (answered.groupby(["item", "dimension", "answer", "answer_label"]).size().rename("count").reset_index())
    dk = allv[allv.dont_know].groupby(["item", "dimension"]).size().rename("count").reset_index()
    dk = dk.assign(answer=0, answer_label=inst.dont_know)
    dist = pd.concat([dist, dk], ignore_index=True).assign(text=lambda d: d["item"].map(text))
    dims = []
    person_dim = allv.dropna(subset=["scored"]).groupby(["dimension", "person"]).scored.mean().reset_index()
    for d in inst.dimensions:
        scores = person_dim[person_dim.dimension == d.id].scored
        dims.append({"dimension": d.id, "name": d.name, "mean": scores.mean() if len(scores) else None,
                     "sd": scores.std(ddof=0) if len(scores) else None,
                     "low": scores.min() if len(scores) else None, "high": scores.max() if len(scores) else None,
                     "respondents": int(len(scores)),
                     "dont_know": int(allv[(allv.dimension == d.id) & allv.dont_know].shape[0])})
    by_item = answered.groupby("item").scored.agg(sd=lambda s: s.std(ddof=0), low="min", high="max", answered="count")
    diffs = (by_item.assign(spread=lambda d: d.high - d.low, text=lambda d: d.index.map(text))
             .reset_index().sort_values(["sd", "spread"], ascending=False)
             [["item", "text", "sd", "spread", "answered"]].reset_index(drop=True))
    return TeamView(inst.id, len(responses), dist, pd.DataFrame(dims), diffs)


def reflections(profile: pd.DataFrame, inst: Instrument, spread_col: str = "spread", how_many: int = 2) -> pd.DataFrame:
    """Prompts for the lowest-scoring and the most divided dimensions (works on a profile or a team view)."""
    dims = {d.id: d for d in inst.dimensions}
    scored = profile.dropna(subset=["score" if "score" in profile else "mean"])
    value = "score" if "score" in scored else "mean"
    low = scored.nsmallest(how_many, value)
    divided = scored.dropna(subset=[spread_col]).nlargest(how_many, spread_col)
    divided = divided[divided[spread_col] > 0]
    rows = [{"why": "lowest", "dimension": r.dimension, "name": dims[r.dimension].name,
             "prompt": dims[r.dimension].prompt, "chapter": dims[r.dimension].chapter or ""} for r in low.itertuples()]
    rows += [{"why": "most divided", "dimension": r.dimension, "name": dims[r.dimension].name,
              "prompt": dims[r.dimension].prompt, "chapter": dims[r.dimension].chapter or ""}
             for r in divided.itertuples() if r.dimension not in set(low.dimension)]
    return pd.DataFrame(rows, columns=["why", "dimension", "name", "prompt", "chapter"])


def blank_response(inst: Instrument) -> dict:
    """A response file with every item present and unanswered, for people filling it in by hand."""
    return {"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": "", "name": "",
            "answers": {it.id: None for it in inst.items},
            "_how_to_answer": {"scale": {str(p.value): p.label for p in inst.scale}, DONT_KNOW: inst.dont_know,
                               "items": {it.id: it.text for it in inst.items}}}


def response_json(inst: Instrument, answers: dict[str, int | str], date: str = "", name: str = "") -> str:
    return json.dumps({"format": FORMAT, "instrument": inst.id, "version": inst.version, "date": date,
                       "name": name, "answers": answers}, indent=1, ensure_ascii=False)
