"""The experiment designer's core: a design, and a review of it against the sources' criteria.

The criteria are the EDUFI Innovation Centre's "an experiment is / isn't" list and the codesign
questions (both content). Each check below names the item it stands for, says in plain words why
it matters, and is used three ways: by ``review`` (live form), by the static checklist, and in
exports. Checks are deliberately simple text rules: they prompt a conversation, they do not grade.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, fields
from datetime import date

from .content import Content

MAX_MONTHS = 12  # longer than this, an experiment starts to look like a permanent activity


@dataclass(frozen=True)
class ExperimentDesign:
    title: str = ""
    scale: str = ""
    stage: str = "experiment"
    question: str = ""          # what are we exploring?
    evidence: str = ""          # what do we already know, and where do we start?
    actions: str = ""           # what will we try?
    start: date | None = None
    end: date | None = None
    participants: str = ""      # who takes part
    affected: str = ""          # who is affected
    data: str = ""              # what information we will collect
    sense_making: str = ""      # how and when we will make sense of it together
    learning: str = ""          # what would count as learning
    if_fails: str = ""          # what happens if it "fails"

    def as_record(self) -> dict:
        d = asdict(self)
        d["start"] = self.start.isoformat() if self.start else ""
        d["end"] = self.end.isoformat() if self.end else ""
        return d


DESIGN_FIELDS = [f.name for f in fields(ExperimentDesign)]


@dataclass(frozen=True)
class Check:
    """One criterion as a declarative rule, so the Python review and the page's script apply the same rules.

    kinds: "filled" (the fields are not blank; else ``missing``), "dates" (start and end given, end not
    before start), "max_months" (no longer than ``limit`` months), "absent" (``pattern`` matches none of
    the fields), "present" (a field is filled and ``pattern`` matches it), "filled_absent" (filled,
    and ``pattern`` does not match). Whatever the kind, a check whose fields are all blank is not met:
    an empty form meets no criterion.
    """

    id: str
    prompt: str         # the yes/no question the static checklist asks the reader
    criterion: str      # id of the content item or question this check stands for
    gap: str            # plain-language reason shown when the design falls short
    kind: str
    fields: tuple[str, ...] = ()
    missing: str = "gap"            # severity when the rule is not met
    pattern: str = ""               # case-insensitive regular expression (same syntax in Python and JS)
    limit: int = 0
    needs: str = ""                 # id of a check that must be met before this one can be judged
    waiting: str = ""               # the message while ``needs`` is not met (severity ``missing``)


_KNOWN = (r"\b(prove|proves|proving|show that|demonstrate that|confirm that|we already know|"
          r"will definitely|guarantee[sd]?)\b")
_EVERYWHERE = (r"\b(entire country|whole country|nationwide|nation-wide|national roll-?out|all users|"
               r"every (?:school|council|area|region|service|hospital)|everyone in the country)\b")
_HIDE = (r"\b(hide|hidden|keep (?:it )?quiet|not (?:tell|report|share)|won't (?:tell|report|share)|"
         r"cannot fail|can't fail|will not fail|won't fail|bury)\b")
_TOGETHER = (r"\b(together|with|team|partners?|group|people|everyone|we|us|our|workshop|session|residents|"
             r"families|staff)\b")

CHECKS = [
    Check("question", "We have written down the question we are exploring.", "codesign-01",
          "There is no question. Say what you want to find out, so you know what to look for.",
          "filled", ("question",)),
    Check("evidence", "We know what existing evidence or knowledge we start from.", "codesign-02",
          "Nothing is said about what is already known. Start from existing knowledge, and say where it may be out of date.",
          "filled", ("evidence",), missing="caution"),
    Check("actions", "We have said what we will try.", "codesign-03",
          "There is no description of what you will try.", "filled", ("actions",)),
    Check("dates", "It has a clear start and end date, with the end after the start.", "experiment-criteria-is-5",
          "An experiment needs a clear beginning and ending.", "dates", ("start", "end")),
    Check("short", f"It lasts {MAX_MONTHS} months or less.", "experiment-criteria-isnt-5",
          f"It runs for more than {MAX_MONTHS} months, which starts to look like a permanent "
          "activity. Could a shorter first round teach you enough to decide what next?",
          "max_months", ("start", "end"), missing="caution", limit=MAX_MONTHS, needs="dates",
          waiting="How long it runs can be checked once it has a start date and an end date after it."),
    Check("small", "It starts small, not everywhere or for everyone at once.", "experiment-criteria-isnt-4",
          "It sounds like the whole country or all users at once. Try it on a small scale first.",
          "absent", ("actions", "participants", "affected", "title"), pattern=_EVERYWHERE),
    Check("open", "We do not already know what the outcome will be.", "experiment-criteria-isnt-3",
          "The wording suggests the outcome is already known (for example 'prove' or 'show that'). If you know what "
          "will happen, it is not an experiment.", "absent", ("question", "learning", "title"), pattern=_KNOWN),
    Check("data", "We know what information we will collect.", "codesign-04",
          "No data is planned. Without it, success or failure cannot be judged and memory will fill the gaps.",
          "filled", ("data",)),
    Check("sense-making", "We have planned how and when we will make sense of the data together.", "codesign-05",
          "There is no plan for making sense of the data together. Collective sense-making is where the learning and "
          "the trust come from.", "filled", ("sense_making",)),
    Check("together", "The people taking part and those affected are involved in making sense of it.", "codesign-05",
          "The sense-making plan does not say who takes part. Name the people, including those affected.",
          "present", ("sense_making",), missing="caution", pattern=_TOGETHER),
    Check("learning", "We have said what would count as learning.", "experiment-criteria-is-1",
          "Say what you would count as learning, whatever the result.", "filled", ("learning",), missing="caution"),
    Check("failure", "A 'failed' experiment will be shared openly, not hidden.", "experiment-criteria-isnt-6",
          "The plan for failure is missing or suggests hiding it. Say how a disappointing result will be shared and "
          "learnt from.", "filled_absent", ("if_fails",), pattern=_HIDE),
]


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str       # "gap" (missing or against a criterion) | "caution" (worth a look) | "met"
    criterion: str
    message: str


def months_between(start: date, end: date) -> float:
    return (end - start).days / 30.44


def _text(d: ExperimentDesign, names: tuple[str, ...]) -> str:
    return " ".join(str(getattr(d, n) or "") for n in names)


def _check(check: Check, d: ExperimentDesign) -> str:
    """'met', or the check's ``missing`` severity, for one check against one design."""
    filled = all(str(getattr(d, f) or "").strip() for f in check.fields)
    if not any(str(getattr(d, f) or "").strip() for f in check.fields):
        return check.missing
    hit = bool(check.pattern) and re.search(check.pattern, _text(d, check.fields), re.I) is not None
    dated = bool(d.start and d.end and d.end >= d.start)
    ok = {
        "filled": filled,
        "dates": dated,
        "max_months": dated and months_between(d.start, d.end) <= check.limit,
        "absent": not hit,
        "present": filled and hit,
        "filled_absent": filled and not hit,
    }.get(check.kind)
    if ok is None:
        raise ValueError(f"no rule of kind '{check.kind}' (check '{check.id}')")
    return "met" if ok else check.missing


def rules_json() -> list[dict]:
    """The checks as plain data, for the static page's script."""
    return [asdict(c) for c in CHECKS]


def review(design: ExperimentDesign, content: Content) -> list[Finding]:
    """Check a design against every criterion; one finding per check, gaps first."""
    if design.scale:
        content.scale(design.scale)  # an unknown scale id raises, naming the known ones
    if design.stage:
        content.stage(design.stage)
    findings, met = [], {}
    for check in CHECKS:   # a check only follows the one it needs (the same order on the page)
        severity = _check(check, design)
        message = check.prompt if severity == "met" else check.gap
        if check.needs and not met[check.needs]:
            severity, message = check.missing, check.waiting
        met[check.id] = severity == "met"
        if check.id == "dates" and severity == "gap" and design.start and design.end:
            message = f"The end date ({design.end}) is before the start date ({design.start})."
        findings.append(Finding(check.id, severity, check.criterion, message))
    order = {"gap": 0, "caution": 1, "met": 2}
    return sorted(findings, key=lambda f: order[f.severity])


def criterion_text(content: Content, criterion: str) -> str:
    """The verbatim source wording behind a check, for exports and tooltips."""
    for item in content.items:
        if item.id == criterion:
            return item.text
    for q in content.questions:
        if q.id == criterion:
            return q.text
    raise KeyError(f"unknown criterion '{criterion}'")
