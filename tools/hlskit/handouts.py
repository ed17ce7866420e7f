"""The handouts a trainer prints for a session, each rendered by one function used everywhere.

`hlskit pack` writes these documents as files, the PDF book takes them as the tools' paper versions,
and the published pages carry the very same documents for their Print buttons:

- the question worksheet for a stage (all scales, for a pack) or for the stage, scale and "scale
  above" picked in the question explorer;
- the blank experiment card;
- each self-assessment as a paper form;
- a case study on one sheet (printed from the case page itself, see ``case_sheet``).

Why the pages carry whole documents: a tool's Print button writes the chosen document into a hidden
frame and prints that frame, once (hls-handouts.js), and "Save as a printable page" downloads it.
That needs no second renderer in JavaScript (what prints is exactly the pack's page), no extra site
pages, and no fetch or cross-origin frame, so it also works when the site is opened from a folder.
A case page is different: the reader may print it with Ctrl+P, so its one-sheet summary sits in the
page as a print-only block that the handbook's print stylesheet shows instead of the page.
"""
from __future__ import annotations

import re

from . import exports
from . import questions as Q
from .content import Content
from .html import render


def stage_worksheet(content: Content, stage: str) -> str:
    """The pack's worksheet for one chapter's stage: its learning questions at every scale."""
    frame = Q.questions_frame(content)
    rank = {x.id: x.order for x in content.scales}
    picked = frame[(frame.table == Q.LEARNING_TABLE) & (frame.stage == stage)].assign(kind="learning")
    picked = picked.assign(_rank=picked.scale.map(rank)).sort_values(["_rank", "order"]).drop(columns="_rank")
    return exports.worksheet_html(content, picked, f"{content.stage(stage).name}: questions at each scale")


def worksheet_title(content: Content, stage: str, scale: str, above: bool = False) -> str:
    names = [content.scale(scale).name]
    if above and (up := Q.scale_above(content, scale)):
        names.append(content.scale(up).name)
    return f"{content.stage(stage).name}: questions for {' and '.join(n[0].lower() + n[1:] for n in names)}"


def question_worksheet(content: Content, stage: str, scale: str, above: bool = False) -> str:
    """What the question explorer shows for one choice (learning, managing and governing questions),
    as a worksheet with space for the answers."""
    return exports.worksheet_html(content, Q.explore(content, scale, stage, above),
                                  worksheet_title(content, stage, scale, above))


def explorer_key(stage: str, scale: str, above: bool) -> str:
    """How the page's script names one choice of the explorer's menus (see hls-handouts.js)."""
    return f"{stage}/{scale}/{'above' if above else 'alone'}"


def explorer_worksheets(content: Content) -> dict[str, str]:
    """Every choice the explorer offers, keyed by ``explorer_key``."""
    docs = {}
    for st in content.stages:
        for sc in content.scales:
            for above in (False, True):
                if not above or Q.scale_above(content, sc.id):
                    docs[explorer_key(st.id, sc.id, above)] = question_worksheet(content, st.id, sc.id, above)
    return docs


# The card's fields on paper: (label, lines of writing room); two in a row share a line of the sheet.
PAPER_FIELDS = [[("question", 3)], [("evidence", 3)], [("actions", 3)], [("start", 1), ("end", 1)],
                [("participants", 3), ("affected", 3)], [("data", 3), ("sense_making", 3)],
                [("learning", 3), ("if_fails", 3)]]


def blank_card(content: Content) -> str:
    """The experiment card to fill in by hand: the designer's fields with room to write, scale and
    stage as boxes to tick, then its review criteria as a checklist (the same CHECKS the form applies)."""
    from .experiments import CHECKS, criterion_text
    labels = dict(exports.CARD_LABELS)
    choices = [(labels["scale"], [s.name for s in content.scales]),
               (labels["stage"], [s.name for s in content.stages])]
    fields = [[(labels[name], lines) for name, lines in row] for row in PAPER_FIELDS]
    checks = [{"prompt": c.prompt, "gap": c.gap, "criterion_text": criterion_text(content, c.criterion)}
              for c in CHECKS]
    return render("experiment_card_paper.html", choices=choices, fields=fields, checks=checks)


def paper_form(inst) -> str:
    """A self-assessment as a form to tick by hand."""
    return render("paper_form.html", inst=inst)


def file_name(kind: str, key: str = "") -> str:
    """The file name a handout gets in a pack's worksheets/ folder, and when saved from a page."""
    if kind == "worksheet":
        stage, scale, above = key.split("/")
        return f"questions-{stage}-{scale}{'-and-above' if above == 'above' else ''}.html"
    return {"card": "experiment-card.html", "form": f"self-assessment-{key}.html"}[kind]


LABELS = {
    "worksheet": ("For a workshop: the questions picked above as a worksheet with room for the answers.",
                  "Print the worksheet"),
    "card": ("For a workshop on paper: a blank experiment card, with the criteria it is reviewed against.",
             "Print a blank card"),
    "form": ("Prefer paper? The same statements as a form to tick by hand.", "Print the paper form"),
}


def actions_html(kind: str, docs: dict[str, str], default: str) -> str:
    """A tool's Print and Save buttons, with the documents they print (one per menu choice)."""
    intro, print_label = LABELS[kind]
    names = {key: file_name(kind, key if kind == "worksheet" else default) for key in docs}
    return render("handout_actions.html", kind=kind, intro=intro, print_label=print_label, default=default,
                  payload={"docs": docs, "names": names})


def explorer_actions(content: Content, stage: str, scale: str) -> str:
    return actions_html("worksheet", explorer_worksheets(content), explorer_key(stage, scale, False))


def card_actions(content: Content) -> str:
    return actions_html("card", {"blank": blank_card(content)}, "blank")


def form_actions(inst) -> str:
    return actions_html("form", {inst.id: paper_form(inst)}, inst.id)


def case_sheet(content: Content, case_id: str, page_url: str = "") -> str:
    """A case on one sheet, as one line of HTML (so a Markdown page can hold it as a raw block)."""
    from .evidence import credit, credits_line
    from .pages import labels
    case = content.case(case_id)
    html = render("case_sheet.html", c=case, names=labels(content), credit=credit, page_url=page_url,
                  sources=credits_line(case.sources), trainers=content.is_trainers("case_studies", case_id))
    return re.sub(r"\s*\n\s*", " ", html).strip()
