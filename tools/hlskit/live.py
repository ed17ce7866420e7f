"""Live ipywidgets views for Binder, JupyterHub and local JupyterLab.

Views are thin: they read controls, call the pure core, and show or save what it returns.
Files go to a ``hls-work/`` folder next to the notebook unless told otherwise.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as W
import pandas as pd

from . import exports
from . import questions as Q
from .content import Content
from .files import free_stem, write_atomic
from .html import render

WORK_DIR = Path("hls-work")


def save_files(status: W.HTML, files: list[tuple[Path, str]]) -> list[Path]:
    """Write each (path, text) and say so in ``status``; a failure says which file and why, never "Saved"."""
    written = []
    for path, text in files:
        try:
            written.append(write_atomic(path, text))
        except OSError as exc:
            kept = f" ({', '.join(str(p) for p in written)} were saved)" if written else ""
            status.value = render("status.html", ok=False,
                                  text=f"Nothing was saved to {path}: {exc.strerror or exc}{kept}.")
            return []
    status.value = render("status.html", ok=True, text="Saved " + ", ".join(str(p) for p in written))
    return written


def _options(records) -> list[tuple[str, str]]:
    return [(r.name, r.id) for r in records]


class QuestionExplorer:
    """Pick a scale and stage, tick questions, and export a workshop worksheet."""

    def __init__(self, content: Content, scale: str = "person", stage: str = "purpose",
                 work_dir: Path = WORK_DIR):
        self.content, self.work_dir = content, Path(work_dir)
        self.scale = W.Dropdown(options=_options(content.scales), value=scale, description="System scale")
        self.stage = W.Dropdown(options=_options(content.stages), value=stage, description="Stage")
        self.above = W.Checkbox(value=False, description="Also show the scale above", indent=False)
        for w in (self.scale, self.stage):
            w.style.description_width = "initial"
        self.title = W.Text(value="Workshop questions", description="Worksheet title",
                            style={"description_width": "initial"})
        self.save = W.Button(description="Save worksheet (HTML, Markdown, CSV)", icon="download",
                             layout=W.Layout(width="auto"))
        self.status = W.HTML()
        self.boxes = W.VBox()
        self.frame = pd.DataFrame()
        self.ticks: list[W.Checkbox] = []
        for w in (self.scale, self.stage, self.above):
            w.observe(self.refresh, names="value")
        self.save.on_click(self.export)
        self.widget = W.VBox([W.HBox([self.scale, self.stage]), self.above, self.boxes,
                              W.HBox([self.title, self.save]), self.status])
        self.refresh()

    def refresh(self, _change=None) -> None:
        self.frame = Q.explore(self.content, self.scale.value, self.stage.value, self.above.value)
        self.ticks = [W.Checkbox(value=False, description=row.text, indent=False,
                                 layout=W.Layout(width="100%"), tooltip=row.source)
                      for row in self.frame.itertuples()]
        children, heading = [], None
        for row, tick in zip(self.frame.itertuples(), self.ticks):
            here = (row.scale, row.kind)
            if here != heading:
                label = "Learning questions" if row.kind == "learning" else "Managing and governing"
                children.append(W.HTML(render("heading.html", text=f"{self.content.scale(row.scale).name}: {label}")))
                heading = here
            children.append(tick)
        self.boxes.children = children

    def picked(self) -> pd.DataFrame:
        keep = [t.value for t in self.ticks]
        return self.frame[keep] if keep else self.frame.iloc[0:0]

    def export(self, _button=None) -> list[Path]:
        picked = self.picked()
        if picked.empty:
            self.status.value = render("status.html", ok=False, text="Tick at least one question first.")
            return []
        stem = free_stem(self.work_dir, f"worksheet-{date.today().isoformat()}", (".html", ".md", ".csv"))
        title = self.title.value.strip() or "Workshop questions"
        return save_files(self.status, [
            (self.work_dir / f"{stem}.html", exports.worksheet_html(self.content, picked, title)),
            (self.work_dir / f"{stem}.md", exports.worksheet_markdown(self.content, picked, title)),
            (self.work_dir / f"{stem}.csv", exports.to_csv(picked)),
        ])


class CaseExplorer:
    """Filter the case library; the matching cases show as a table with links to their pages."""

    def __init__(self, content: Content, scale=None, sector=None, theme=None, stage=None, organisation_type=None,
                 work_dir: Path = WORK_DIR):
        from . import cases as C
        self.content, self.C, self.work_dir = content, C, Path(work_dir)
        names = C.labels(content)
        any_ = [("Any", None)]
        used = lambda kind: sorted({(names[v.id], v.id) for v in content.vocabulary if v.kind == kind})  # noqa: E731
        self.scale = W.Dropdown(options=any_ + _options(content.scales), description="System scale")
        self.stage = W.Dropdown(options=any_ + _options(content.stages), description="Stage")
        self.sector = W.Dropdown(options=any_ + used("sector"), description="Sector")
        self.theme = W.Dropdown(options=any_ + used("theme"), description="Theme")
        self.organisation = W.Dropdown(options=any_ + used("organisation_type"), description="Organisation type")
        self.result = W.HTML()
        self.save = W.Button(description="Save this list (HTML, Markdown, CSV)", icon="download",
                             layout=W.Layout(width="auto"))
        self.save.on_click(self.export)
        self.status = W.HTML()
        controls = [self.organisation, self.scale, self.stage, self.sector, self.theme]
        for w in controls:
            w.style.description_width = "initial"
            w.observe(self.refresh, names="value")
        self.widget = W.VBox([controls[0], W.HBox(controls[1:3]), W.HBox(controls[3:]), self.result, self.save,
                              self.status])
        for w, value in zip(controls, (organisation_type, scale, stage, sector, theme)):
            w.value = value    # each assignment refreshes; an unknown id fails loudly here
        self.refresh()

    def matches(self) -> pd.DataFrame:
        return self.C.filter_cases(self.content, scale=self.scale.value, sector=self.sector.value,
                                   theme=self.theme.value, stage=self.stage.value,
                                   organisation_type=self.organisation.value)

    def refresh(self, _change=None) -> None:
        self.result.value = render("case_matches.html", rows=self.rows(self.matches()))

    def rows(self, df: pd.DataFrame) -> list[dict]:
        """The matching cases as records, with their organisation type and place in words."""
        names = self.C.labels(self.content)
        return [{**r, "organisation": names[r["organisation_type"]],
                 "place": self.C.place_text(r["place"], r["country"])} for r in df.to_dict("records")]

    def filters(self) -> str:
        picked = [f"{w.description}: {w.label}" for w in (self.organisation, self.scale, self.stage, self.sector,
                                                          self.theme)
                  if w.value is not None]
        return "; ".join(picked) or "none (every case)"

    def export(self, _button=None) -> list[Path]:
        df = self.matches()
        rows = self.rows(df)
        title = "Case studies to read"
        stem = free_stem(self.work_dir, f"cases-{date.today().isoformat()}", (".html", ".md", ".csv"))
        return save_files(self.status, [
            (self.work_dir / f"{stem}.html", exports.case_list_html(rows, title, self.filters())),
            (self.work_dir / f"{stem}.md", exports.case_list_markdown(rows, title, self.filters())),
            (self.work_dir / f"{stem}.csv", exports.to_csv(df.drop(columns=["summary"]).assign(
                scales=df.scales.map("; ".join), sectors=df.sectors.map("; ".join),
                themes=df.themes.map("; ".join), stages=df.stages.map("; ".join))))])


class ExperimentDesigner:
    """A form for one experiment; the review updates as you type; save a card or add it to a portfolio."""

    TEXT_FIELDS = [("title", "Title"), ("question", "The question we are exploring"),
                   ("evidence", "What we already know (evidence to start from)"), ("actions", "What we will try"),
                   ("participants", "Who takes part"), ("affected", "Who is affected"),
                   ("data", "What information we will collect"),
                   ("sense_making", "How and when we will make sense of it together"),
                   ("learning", "What would count as learning"), ("if_fails", "What happens if it 'fails'")]

    def __init__(self, content: Content, work_dir: Path = WORK_DIR):
        from .experiments import ExperimentDesign
        self.content, self.work_dir, self.Design = content, Path(work_dir), ExperimentDesign
        wide = W.Layout(width="95%")
        style = {"description_width": "16em"}
        self.inputs = {name: (W.Text if name == "title" else W.Textarea)(description=label, layout=wide, style=style)
                       for name, label in self.TEXT_FIELDS}
        self.inputs["scale"] = W.Dropdown(options=_options(content.scales), description="System scale", style=style)
        self.inputs["stage"] = W.Dropdown(options=_options(content.stages), value="experiment",
                                          description="Learning Cycle stage", style=style)
        self.inputs["start"] = W.DatePicker(description="Starts", style=style)
        self.inputs["end"] = W.DatePicker(description="Ends", style=style)
        self.findings = W.HTML()
        self.status = W.HTML()
        self.save_card = W.Button(description="Save experiment card", icon="download", layout=W.Layout(width="auto"))
        self.add = W.Button(description="Add to portfolio", icon="plus", layout=W.Layout(width="auto"))
        self.chart = W.Output()   # Altair needs its scripts run, which an HTML widget would not do
        for w in self.inputs.values():
            w.observe(self.refresh, names="value")
        self.save_card.on_click(self.export_card)
        self.add.on_click(self.add_to_portfolio)
        order = ["title", "scale", "stage", "question", "evidence", "actions", "start", "end", "participants",
                 "affected", "data", "sense_making", "learning", "if_fails"]
        self.widget = W.VBox([self.inputs[k] for k in order]
                             + [self.findings, W.HBox([self.save_card, self.add]), self.status, self.chart])
        self.refresh()

    def design(self):
        values = {k: w.value for k, w in self.inputs.items()}
        return self.Design(**{k: (v if v is not None else (None if k in ("start", "end") else "")) for k, v in values.items()})

    def refresh(self, _change=None):
        from .experiments import review
        found = review(self.design(), self.content)
        self.findings.value = render("findings.html", findings=found,
                                     met=sum(f.severity == "met" for f in found), total=len(found))
        return found

    def export_card(self, _button=None) -> list[Path]:
        from .experiments import review
        d = self.design()
        found = review(d, self.content)
        slug = "".join(ch if ch.isalnum() else "-" for ch in (d.title or "experiment").lower()).strip("-")[:40] or "experiment"
        stem = free_stem(self.work_dir, f"experiment-{slug}", (".md", ".html"))
        return save_files(self.status, [
            (self.work_dir / f"{stem}.md", exports.experiment_card_markdown(self.content, d, found)),
            (self.work_dir / f"{stem}.html", exports.experiment_card_html(self.content, d, found))])

    def add_to_portfolio(self, _button=None) -> int | None:
        from .charts import portfolio_timeline
        from .portfolio import PortfolioError, append_design, load_portfolio, portfolio_frame
        path = self.work_dir / "portfolio.csv"
        try:
            n = append_design(path, self.design(), self.content)
            frame = portfolio_frame(load_portfolio(path, self.content), self.content)
        except PortfolioError as exc:
            self.status.value = render("status.html", ok=False, text=f"Nothing was saved: {exc}")
            return None
        self.status.value = render("status.html", ok=True, text=f"Added. {path} now holds {n} experiment(s).")
        if not frame.empty:
            from IPython.display import display
            self.chart.clear_output()
            with self.chart:
                display(portfolio_timeline(frame, self.content))
        return n
