"""The live self-assessment: answer, see the profile, save a response file, reload it, compare two dates."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import ipywidgets as W
from IPython.display import display

from . import assessment_charts as AC
from . import assessments as A
from .content import Content
from .files import free_name, write_atomic
from .html import render
from .live import WORK_DIR


class SelfAssessment:
    def __init__(self, content: Content, inst, work_dir: Path = WORK_DIR):
        self.content, self.inst = content, inst
        self.folder = Path(work_dir) / "responses"
        options = [(p.label, p.value) for p in inst.scale] + [(inst.dont_know, A.DONT_KNOW)]
        self.radios: dict[str, W.RadioButtons] = {}
        rows = []
        for d in inst.dimensions:
            rows.append(W.HTML(render("heading.html", text=d.name)))
            for it in (i for i in inst.items if i.dimension == d.id):
                r = W.RadioButtons(options=options, value=None, layout=W.Layout(width="auto"))
                r.observe(self.refresh, names="value")
                self.radios[it.id] = r
                rows += [W.HTML(f"<p>{render('plain.txt', text=it.text)}</p>"), r]
        self.alias = W.Text(description="Name or alias (optional)", style={"description_width": "initial"})
        self.save = W.Button(description="Save my answers", icon="save", layout=W.Layout(width="auto"))
        self.save.on_click(self.save_response)
        self.status = W.HTML()
        self.profile = W.Output()
        self.first = W.Dropdown(description="Compare", options=[])
        self.second = W.Dropdown(description="with", options=[])
        self.compare = W.Button(description="Show before and after", layout=W.Layout(width="auto"))
        self.compare.on_click(self.show_comparison)
        self.load = W.Button(description="Load the first file into the form", layout=W.Layout(width="auto"))
        self.load.on_click(self.load_into_form)
        self.widget = W.VBox(rows + [self.alias, self.save, self.status, self.profile,
                                     W.HBox([self.first, self.second]), W.HBox([self.compare, self.load])])
        self._list_saved()
        self.refresh()

    def answers(self) -> dict:
        return {k: r.value for k, r in self.radios.items() if r.value is not None}

    def response(self) -> A.Response:
        return A.Response(self.inst.id, self.inst.version, self.answers(), date.today().isoformat(), self.alias.value)

    def refresh(self, _change=None):
        prof = A.score(self.response(), self.inst)
        self.profile.clear_output()
        with self.profile:
            display(AC.profile_chart(prof, self.inst))
        return prof

    def save_response(self, _button=None) -> Path | None:
        if not self.answers():
            self.status.value = render("status.html", ok=False, text="Answer at least one item before saving.")
            return None
        text = A.response_json(self.inst, self.answers(), date.today().isoformat(), self.alias.value.strip())
        A.parse_response(text, "(this form)", self.content)  # never write a file the pooling would reject
        path = free_name(self.folder / f"{self.inst.id}-{date.today().isoformat()}.json")
        try:
            write_atomic(path, text)
        except OSError as exc:
            self.status.value = render("status.html", ok=False,
                                       text=f"Nothing was saved to {path}: {exc.strerror or exc}.")
            return None
        self.status.value = render("status.html", ok=True, text=f"Saved {path}. Earlier files are kept.")
        self._list_saved()
        return path

    def _list_saved(self):
        files = sorted(self.folder.glob(f"{self.inst.id}-*.json"), key=lambda p: (p.stat().st_mtime_ns, p.name)) \
            if self.folder.exists() else []   # oldest first, so "compare" reads as before -> after
        opts = [(p.name, str(p)) for p in files]
        self.first.options, self.second.options = opts, opts
        if len(opts) >= 2:
            self.first.value, self.second.value = opts[0][1], opts[-1][1]

    def _read(self, path: str) -> A.Response:
        return A.parse_response(Path(path).read_bytes(), path, self.content)

    def load_into_form(self, _button=None):
        if not self.first.value:
            return
        try:
            resp = self._read(self.first.value)
        except A.ResponseError as exc:
            self.status.value = render("status.html", ok=False, text=str(exc))
            return
        for item, r in self.radios.items():
            r.value = resp.answers.get(item)
        self.alias.value = resp.name

    def show_comparison(self, _button=None):
        try:
            a, b = self._read(self.first.value), self._read(self.second.value)
        except (A.ResponseError, TypeError) as exc:
            self.status.value = render("status.html", ok=False, text=f"Cannot compare: {exc}")
            return None
        chart = AC.before_after_chart(A.score(a, self.inst), A.score(b, self.inst), self.inst,
                                      (a.date or Path(a.file).stem, b.date or Path(b.file).stem))
        self.profile.clear_output()
        with self.profile:
            display(chart)
        return chart
