"""Workshop packs: a self-contained folder with chosen chapters that builds as its own small book.

A pack holds the chapter notebooks (links to chapters left out point to the published handbook), a
page with the interactive form for each chosen self-assessment, the handbook's case studies
(``case_studies/``) and the trainer's overlay (``hls-content/``), which load merged by id as in the
handbook; its own _config.yml and _toc.yml with the handbook's extensions, stylesheet and scripts;
printable participant worksheets and printable facilitator notes.
"""
from __future__ import annotations

import json
import re
import shutil
from datetime import date
from pathlib import Path

import yaml

from . import handouts
from . import pack_pages
from .content import Content, load_nearest
from .errors import ContentError
from .files import write_atomic
from .html import render

DOC_LINK = re.compile(r"\{doc\}`(?:([^`<]*?)\s*<([^>`]+)>|([^`<>]+))`")
BIB_REF = re.compile(r"\{ref\}`([^`<]*?)\s*<(bib-[a-z0-9-]+)>`")   # the bibliography is never in a pack


class PackError(ValueError):
    """The pack cannot be made as asked; nothing has been written."""


def chapter_file(book_root: Path, chapter: str) -> Path:
    for suffix in (".ipynb", ".md"):
        path = book_root / f"{chapter}{suffix}"
        if path.exists():
            return path
    known = sorted(str(p.relative_to(book_root).with_suffix("")) for p in (book_root / "book").rglob("*.ipynb"))
    raise PackError(f"no chapter '{chapter}' (chapters: {', '.join(known)})")


def _title(md: str, fallback: str) -> str:
    m = re.search(r"^# (.+)$", md, flags=re.M)
    return m.group(1).strip() if m else fallback


def rewrite_links(text: str, here: str, included: set[str], base_url: str, titles: dict[str, str]) -> str:
    """Keep {doc} links to pages in the pack; point the others at the published handbook."""
    def resolve(target: str) -> str:
        if target.startswith("/"):
            return target.lstrip("/")
        parts = (Path(here).parent / target).parts
        out: list[str] = []
        for part in parts:
            if part == "..":
                out.pop()
            elif part != ".":
                out.append(part)
        return "/".join(out)

    def sub(m: re.Match) -> str:
        label, target = (m.group(1), m.group(2)) if m.group(2) else (None, m.group(3))
        doc = resolve(target.strip())
        if doc in included or doc.startswith(("book/cases/", "book/back/glossary")):
            return m.group(0)
        return f"[{label or titles.get(doc, doc)}]({base_url.rstrip('/')}/{doc}.html)"
    text = BIB_REF.sub(lambda m: f"[{m.group(1)}]({base_url.rstrip('/')}/book/back/bibliography.html#{m.group(2)})",
                       text)
    return DOC_LINK.sub(sub, text)


def _markdown(nb: dict) -> str:
    return "\n\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def _section(md: str, heading: str) -> str:
    parts = md.split(f"\n## {heading}")
    return parts[1].split("\n## ")[0].strip() if len(parts) > 1 else ""


def make_pack(book_root: Path, content: Content, chapters: list[str], instruments: list[str], title: str,
              out: Path, overlay: Path | None = None, base_url: str = "") -> list[Path]:
    """Write the pack to ``out`` (which must not exist or be empty) and return the files written."""
    book_root, out = Path(book_root), Path(out)
    if out.exists() and any(out.iterdir()):
        raise PackError(f"{out} already exists and is not empty; choose a new folder (nothing was overwritten)")
    sources = {ch.strip("/"): chapter_file(book_root, ch.strip("/")) for ch in chapters}
    for inst in instruments:
        content.instrument(inst)                    # unknown ids raise KeyError naming the known ones
    if not sources:
        raise PackError("name at least one chapter with --chapter")
    config = yaml.safe_load((book_root / "_config.yml").read_text(encoding="utf-8"))
    base_url = base_url or config.get("html", {}).get("baseurl", "")

    out.mkdir(parents=True, exist_ok=True)
    try:
        return _write_pack(book_root, content, sources, instruments, title, out, overlay, base_url, config)
    except BaseException:
        shutil.rmtree(out, ignore_errors=True)    # it was empty or new: only this pack's files go
        raise


def _write_pack(book_root: Path, content: Content, sources: dict[str, Path], instruments: list[str], title: str,
                out: Path, overlay: Path | None, base_url: str, config: dict) -> list[Path]:
    titles = {}
    for p in (book_root / "book").rglob("*.ipynb"):
        titles[str(p.relative_to(book_root).with_suffix(""))] = _title(_markdown(json.loads(p.read_text())), p.stem)
    written: list[Path] = []
    notes = []
    for doc, src in sources.items():
        dest = out / src.relative_to(book_root)
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.suffix == ".ipynb":
            nb = json.loads(src.read_text(encoding="utf-8"))
            for cell in nb["cells"]:
                if cell["cell_type"] == "markdown":
                    cell["source"] = rewrite_links("".join(cell["source"]), doc, set(sources), base_url, titles)
            md = _markdown(nb)
            dest.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            md = rewrite_links(src.read_text(encoding="utf-8"), doc, set(sources), base_url, titles)
            dest.write_text(md, encoding="utf-8")
        written.append(dest)
        notes.append({"doc": doc, "title": _title(md, doc), "try_this": _section(md, "Try this"),
                      "reflection": _section(md, "Questions for reflection")})

    _copy_book_parts(book_root, out, overlay)
    inst_records = [content.instrument(i) for i in instruments]
    for inst in inst_records:
        written.append(pack_pages.write_notebook(out / "book" / "self-assessment" / f"{inst.id}.ipynb",
                                                 pack_pages.instrument_notebook(inst)))
    worksheets = _worksheets(content, sources, instruments, out / "worksheets")
    written += worksheets
    stages = {s.id for s in content.stages}
    agenda = [{"title": n["title"], "doc": n["doc"],
               "sheet": f"worksheets/questions-{Path(n['doc']).name}.html" if Path(n["doc"]).name in stages else ""}
              for n in notes]
    written.append(write_atomic(out / "index.md", render("pack_index.md", title=title, agenda=agenda,
                                                         instruments=inst_records, made=date.today().isoformat())))
    written.append(write_atomic(out / "facilitator-notes.html", pack_pages.notes_html(title, notes, inst_records, out)))
    written.append(write_atomic(out / "README.txt", pack_pages.readme(title, out, inst_records)))
    written.append(write_atomic(out / "_config.yml", yaml.safe_dump(_pack_config(config, title, book_root, out),
                                                                    sort_keys=False, allow_unicode=True)))
    chapters_part = [{"file": d} for d in sources]
    parts = [{"caption": "Chapters", "chapters": chapters_part}]
    if inst_records:
        parts.append({"caption": "Self-assessments",
                      "chapters": [{"file": f"book/self-assessment/{i.id}"} for i in inst_records]})
    parts.append({"caption": "For the facilitator", "chapters": [{"file": "book/trainers/team_results"}]})
    parts.append({"caption": "Reference", "chapters": [{"file": "book/back/glossary"},
                                                       {"file": "cases", "sections": [{"glob": "book/cases/*"}]}]})
    toc = {"format": "jb-book", "root": "index", "parts": parts}
    written.append(write_atomic(out / "_toc.yml", yaml.safe_dump(toc, sort_keys=False)))
    written.append(write_atomic(out / "cases.md", "# Case studies\n\nEvery case in the handbook's library, one "
                                                  "page each, for the chapters' \"From practice\" links.\n"))
    _check_loads_the_same(out, content)
    return written


def _copy_book_parts(book_root: Path, out: Path, overlay: Path | None) -> None:
    """The handbook's case studies, the trainer's overlay (kept apart, so it merges by id on top, as
    in the handbook), and the extensions, stylesheet, scripts and JavaScript list the book uses."""
    from .overlay import find_case_studies
    shutil.copytree(find_case_studies(book_root), out / "case_studies")
    (out / "hls-content").mkdir()
    if overlay is not None:
        shutil.copytree(overlay, out / "hls-content", dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".*", "__pycache__"))
    for folder in ("_ext", "_static"):
        if (book_root / folder).is_dir():
            shutil.copytree(book_root / folder, out / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("package.json", "package-lock.json", "requirements.txt"):
        shutil.copy(book_root / name, out / name)


def _pack_config(config: dict, title: str, book_root: Path, out: Path) -> dict:
    """The handbook's settings, for a small book: its title, its own pages, and the handbook's
    JavaScript packages (its own node_modules/ first, after ``npm ci`` in the pack)."""
    import os
    config["title"] = title
    config["exclude_patterns"] = [*config.get("exclude_patterns", []), "hls-content", "worksheets", "README.txt"]
    sphinx = config.setdefault("sphinx", {}).setdefault("config", {})
    sphinx["hls_generated_pages"] = ["cases", "glossary", "team"]
    sphinx["hls_extra_folders"] = ["worksheets"]           # printable pages reachable from the site
    sphinx["hls_overlay"] = "hls-content"
    handbook_js = (Path(book_root) / "node_modules").resolve()
    sphinx["offline_node_modules"] = ["node_modules", os.path.relpath(handbook_js, Path(out).resolve())]
    config.get("launch_buttons", {}).pop("binderhub_url", None)   # a pack is not the handbook's repository
    return config


def _check_loads_the_same(out: Path, content: Content) -> None:
    """The pack's book must load what the trainer checked: every case and instrument, merged by id."""
    try:
        packed = load_nearest(out, overlay=out / "hls-content")
    except ContentError as exc:
        raise PackError(f"the pack's content does not load: {exc}") from None
    for kind in ("case_studies", "instruments", "questions"):
        if [r.id for r in getattr(packed, kind)] != [r.id for r in getattr(content, kind)]:
            raise PackError(f"the pack's {kind.replace('_', ' ')} differ from the checked content")


def _worksheets(content: Content, sources: dict[str, Path], instruments: list[str], folder: Path) -> list[Path]:
    """The printable handouts, from the same functions as the published pages' Print buttons."""
    paths = []
    stages = {s.id for s in content.stages}
    for doc in sources:
        stage = Path(doc).name
        if stage in stages:
            paths.append(write_atomic(folder / f"questions-{stage}.html", handouts.stage_worksheet(content, stage)))
        if stage in ("codesign", "experiment"):
            paths.append(write_atomic(folder / handouts.file_name("card"), handouts.blank_card(content)))
    for inst_id in instruments:
        inst = content.instrument(inst_id)
        paths.append(write_atomic(folder / handouts.file_name("form", inst.id), handouts.paper_form(inst)))
    return paths
