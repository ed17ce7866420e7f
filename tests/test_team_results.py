"""The Team results page: a facilitator pools a group's answers in the browser, with no Python.

The browser engine (hls-pool.js) and `hlskit pool` read one rule file; these tests give both the same
files and codes and compare every figure and word, drive a whole session with twelve participants,
and try hostile and careless input. Headless Debian Chromium, network blocked.
"""
from __future__ import annotations

import base64
import json
import math
import random
from pathlib import Path

from click.testing import CliRunner

from hlskit import answer_codes as AC
from hlskit.assessments import load_responses, pool, response_json
from hlskit.cli import main
from hlskit.content import load_content
from hlskit.reports import report_model

CONTENT = load_content()
PAGE = "book/trainers/team_results.html"
FLOAT_FIELDS = ("mean", "low", "high", "share")


def _answers(inst, rng, skip=0.1, dk=0.1) -> dict:
    out = {}
    for it in inst.items:
        r = rng.random()
        if r < skip:
            continue
        out[it.id] = "dk" if r < skip + dk else rng.randint(1, len(inst.scale))
    return out


def _same(py, js, where="") -> list[str]:
    """Every difference between two report models (floats to 1e-9, everything else exactly)."""
    if isinstance(py, dict):
        diffs = [f"{where}: keys {sorted(py)} != {sorted(js)}"] if set(py) != set(js) else []
        return diffs + [d for k in py if k in js for d in _same(py[k], js[k], f"{where}.{k}")]
    if isinstance(py, list):
        if len(py) != len(js):
            return [f"{where}: {len(py)} rows != {len(js)}"]
        return [d for i, (a, b) in enumerate(zip(py, js)) for d in _same(a, b, f"{where}[{i}]")]
    if isinstance(py, float) or isinstance(js, float):
        return [] if math.isclose(py, js, rel_tol=0, abs_tol=1e-9) else [f"{where}: {py} != {js}"]
    return [] if py == js else [f"{where}: {py!r} != {js!r}"]


def _browser_model(page, files: list[Path], codes: str, instrument: str):
    payload = [{"name": f.name, "b64": base64.b64encode(f.read_bytes()).decode()} for f in files]
    return page.evaluate("""([files, codes, inst]) => window.HLSPool.model(files.map(f => ({name: f.name,
        bytes: Uint8Array.from(atob(f.b64), c => c.charCodeAt(0))})), codes, inst)""", [payload, codes, instrument])


def _group(tmp: Path, inst, rng, people: int, codes: int) -> tuple[list[Path], str]:
    files = []
    for k in range(people):
        p = tmp / f"{inst.id}-{k:03d}.json"
        p.write_text(response_json(inst, _answers(inst, rng, rng.choice([0, 0.1, 0.4]), rng.choice([0, 0.1, 0.3])),
                                   name=f"Person {k}"), encoding="utf-8")
        files.append(p)
    text = "\n".join(f"10:0{k % 10} Someone: {AC.encode(inst, _answers(inst, rng))}" for k in range(codes))
    return files, text


def test_both_engines_give_the_same_report_for_the_same_answers(site, tmp_path):
    """Random groups for every self-assessment, with bad files mixed in: every figure and word agrees."""
    page = site.open(PAGE)
    page.wait_for_function("() => window.HLSPool && window.HLSCodes")
    rng = random.Random(20261203)
    other = CONTENT.instruments[-1]
    compared = 0
    for round_ in range(12):
        inst = CONTENT.instruments[round_ % len(CONTENT.instruments)]
        folder = tmp_path / f"g{round_}"
        folder.mkdir()
        files, codes = _group(folder, inst, rng, rng.randint(0, 14), rng.randint(0, 5))
        bad = {
            "a-old.json": json.dumps({"format": "hls-response/1", "instrument": inst.id, "version": inst.version + 1,
                                      "answers": {}}),
            "b-cut.json": response_json(inst, _answers(inst, rng))[:90],
            "c-twice.json": '{"format": "hls-response/1", "instrument": "%s", "version": %d, "answers": '
                            '{"%s": 2, "%s": 3}}' % (inst.id, inst.version, inst.items[0].id, inst.items[0].id),
            "d-text.txt": "no codes in here, just a note",
            "e-float.json": json.dumps({"format": "hls-response/1", "instrument": inst.id, "version": inst.version,
                                        "answers": {inst.items[0].id: 2.5}}),
            "f-nan.json": '{"format": "hls-response/1", "instrument": "%s", "version": %d, "answers": {"%s": NaN}}'
                          % (inst.id, inst.version, inst.items[1].id),
            "g-other.json": response_json(other, _answers(other, rng)),
        }
        for name, text in bad.items():
            if rng.random() < 0.5:
                (folder / name).write_text(text, encoding="utf-8")
                files.append(folder / name)
        if codes and rng.random() < 0.5:
            code = AC.find_codes(codes)[0]
            codes += "\n" + code[:-3] + ("zzz" if code[-3:] != "zzz" else "yyy")     # mistyped
            codes += "\n" + code                                                         # the same code twice
        files.sort(key=lambda p: p.name)
        js = _browser_model(page, files, codes, inst.id)
        got = load_responses(files, CONTENT, inst.id, codes=codes)
        assert js["n"] == len(got.responses) and js["given"] == got.given
        assert [(p["position"], p["problem"]) for p in js["problems"]] == [(p.position, p.problem) for p in got.problems]
        if len(got.responses) < 3:
            assert "a team view needs at least 3" in js["refused"] and "model" not in js
            continue
        py = report_model(pool(got.responses, inst), inst, got.problems, got.given)
        assert not _same(py, js["model"]), _same(py, js["model"])[:10]
        compared += 1
    assert compared >= 6


def _answer_on_page(page, inst, answers: dict) -> None:
    form = page.locator(f".hls-questionnaire[data-instrument='{inst.id}']")
    labels = {p.value: p.label for p in inst.scale}
    for k, it in enumerate(inst.items):
        v = answers.get(it.id)
        if v is None:
            continue
        box = form.locator(f"[data-item='{it.id}']")
        box.get_by_label(inst.dont_know if v == "dk" else labels[v], exact=True).check()


def test_a_session_of_twelve_from_answering_to_the_team_report(site, tmp_path):
    """Eight participants download files, four copy answer codes (some on phones); the facilitator's
    report shows n = 12 and the figures `hlskit pool` gives for the same files and codes."""
    inst = CONTENT.instrument("healthy-local-system")
    rng = random.Random(12)
    people = [_answers(inst, rng) for _ in range(12)]
    files, codes = [], []
    for k, answers in enumerate(people):
        phone = k % 3 == 0
        person = site.device(viewport=(390, 844) if phone else (1280, 900), touch=phone)
        page = person.open(f"book/scales/places.html?answer={inst.id}")
        page.wait_for_selector(f".hls-questionnaire[data-instrument='{inst.id}'] input[type=radio]", timeout=20000)
        _answer_on_page(page, inst, answers)
        form = page.locator(f".hls-questionnaire[data-instrument='{inst.id}']")
        if k < 8:
            form.locator(".hls-alias").fill(f"<script>alert('p{k}')</script>")
            with page.expect_download() as info:
                form.locator(".hls-download").click()
            path = tmp_path / f"answers-{k:02d}.json"
            info.value.save_as(path)
            files.append(path)
        else:
            form.locator(".hls-copy-code").click()
            page.wait_for_function("() => document.querySelector('.hls-questionnaire .hls-status')"
                                   ".textContent.includes('answer code')")
            codes.append(form.locator(".hls-code").input_value())
        assert not site.errors and not site.blocked, (site.errors, site.blocked)
        person.context.close()
    chat = "\n".join(f"[10:{k:02d}] Participant {k}: {c}" for k, c in enumerate(codes))
    page = site.device().open(f"{PAGE}?instrument={inst.id}")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_input_files("#hls-team-files", [str(p) for p in files])
    page.fill("#hls-team-codes", chat)
    page.wait_for_function("() => document.querySelector('.hls-team-status').textContent.includes('12 people')"
                           " && document.querySelector('.hls-team-report[data-drawn=\"\"]')", timeout=30000)
    js = page.evaluate("window.HLSPool.last.model")
    text = page.inner_text(".hls-team-report")
    assert page.locator(".hls-team-report svg").count() == 2
    assert not dialogs
    assert "Participant" not in text and "alert" not in text
    (tmp_path / "codes.txt").write_text(chat, encoding="utf-8")
    out = tmp_path / "cli-report.html"
    res = CliRunner().invoke(main, ["pool", *map(str, sorted(files)), str(tmp_path / "codes.txt"), "--out", str(out)])
    assert res.exit_code == 0, res.output
    got = load_responses([*sorted(files), tmp_path / "codes.txt"], CONTENT, inst.id)
    py = report_model(pool(got.responses, inst), inst, got.problems, got.given)
    assert len(got.responses) == 12 and js["answered"].startswith("12 people")
    assert not _same(py, js), _same(py, js)[:10]
    cli = out.read_text(encoding="utf-8")
    for row in js["dimensions"]:
        assert f"<th scope=\"row\">{row[0]}</th>".replace("'", "&#39;") in cli
        assert "".join(f"<td>{v}</td>" for v in row[1:]) in cli


def test_bad_input_is_named_and_set_aside_and_nothing_runs(site, tmp_path):
    inst = CONTENT.instrument("learning-trust")
    rng = random.Random(5)
    good = []
    for k in range(4):
        p = tmp_path / f"ok-{k}.json"
        p.write_text(response_json(inst, _answers(inst, rng), name='"><img src=x onerror="window.__hit=1">'))
        good.append(p)
    other = CONTENT.instrument("equity")
    (tmp_path / "other.json").write_text(response_json(other, _answers(other, rng)))
    old = json.loads(response_json(inst, _answers(inst, rng)))
    old["version"] = inst.version - 1 if inst.version > 1 else 0
    (tmp_path / "old.json").write_text(json.dumps(old))
    (tmp_path / "cut.json").write_text(good[0].read_text()[:120])
    (tmp_path / "random.bin").write_bytes(random.Random(1).randbytes(5_000_000))
    edited = json.loads(response_json(inst, _answers(inst, rng)))
    edited["answers"]["<script>window.__hit=2</script>"] = 3
    (tmp_path / "edited.json").write_text(json.dumps(edited))
    code = AC.encode(inst, _answers(inst, rng))
    changed = code[:-9] + ("a" if code[-9] != "a" else "b") + code[-8:]      # one letter of the key

    page = site.open(f"{PAGE}?instrument={inst.id}")
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.set_input_files("#hls-team-files", [str(good[0]), str(good[1])])
    page.wait_for_function("() => document.querySelector('.hls-team-status').textContent.includes('No team report')")
    status = page.inner_text(".hls-team-status")
    assert "2 response(s)" in status and "at least 3 so that no one's answers can be picked out" in status
    assert page.locator(".hls-team-output").is_hidden()

    page.set_input_files("#hls-team-files", [str(tmp_path / n) for n in
                                             ("other.json", "old.json", "cut.json", "random.bin", "edited.json")]
                         + [str(good[0]), str(good[2]), str(good[3])])
    page.fill("#hls-team-codes", f"Sam: {changed}")
    page.wait_for_function("() => document.querySelector('.hls-team-report[data-drawn]') && document.querySelector("
                           "'.hls-team-status').textContent.includes('1 code added. 4 people')", timeout=30000)
    skipped = page.locator(".hls-team-report ul").first.inner_text()
    for words in ("answers 'equity', not 'learning-trust'", "older answers are kept apart",
                  "not valid JSON at line", "KB, far larger than any answers file",
                  "is not an item of this instrument", "is the same as number",
                  "its check letters do not match"):
        assert words in skipped, (words, skipped)
    dom = page.evaluate("() => document.body.innerHTML")
    assert not dialogs and page.evaluate("window.__hit") is None
    assert "<img src=\"x\"" not in dom and "<script>window.__hit" not in dom
    assert "&lt;script&gt;window.__hit=2&lt;/script&gt;" in dom     # shown as text, in its message
    assert "onerror" not in page.inner_text("body")                    # the alias never appears at all
    assert "ok-0.json" not in page.inner_text("body")                  # nor file names


def test_report_saves_as_one_offline_page_and_prints_alone(site, tmp_path):
    inst = CONTENT.instrument("equity")
    rng = random.Random(9)
    files, codes = _group(tmp_path, inst, rng, 3, 2)
    page = site.open(f"{PAGE}?instrument={inst.id}")
    page.wait_for_function("() => window.HLSPool", timeout=20000)
    assert page.evaluate("typeof window.vegaEmbed") == "undefined"    # no chart library until answers come
    page.set_input_files("#hls-team-files", [str(files[0])])            # the first file loads it
    page.wait_for_function("() => window.vegaEmbed", timeout=20000)     # the page's own files, all there
    sent = []
    page.route("**/*", lambda r: (sent.append(r.request.url), r.abort()))   # from here on, nothing may load
    page.evaluate("window.print = () => { window.__printed = true; }")
    page.set_input_files("#hls-team-files", [str(p) for p in files[1:]])
    page.fill("#hls-team-codes", codes)
    page.wait_for_function("() => document.querySelector('.hls-team-status').textContent.includes('2 codes added. 5 people')"
                           " && document.querySelector('.hls-team-report[data-drawn=\"\"]')", timeout=30000)
    with page.expect_download() as info:
        page.click(".hls-team-save")
    saved = tmp_path / "saved.html"
    info.value.save_as(saved)
    page.click(".hls-team-print")
    page.wait_for_function("window.__printed === true")
    page.emulate_media(media="print")
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    assert not [u for u in sent if not u.startswith("blob:")], sent
    html = saved.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html and "http" not in html.split("<svg")[0]
    assert html.count("<svg") >= 2 and "Team report: " + inst.title in html and "5 people answered" in html
    from pypdf import PdfReader
    reader = PdfReader(pdf)
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "5 people answered" in text and "Print the report" not in text and "Answer codes" not in text
    assert reader.pages[0].extract_text().lstrip().startswith("Team report: " + inst.title)   # the report alone
    assert "Before and after the session" not in text and "Self-assessment" not in text
    view = site.context.new_page()
    view.set_content(html)          # anything it tried to load would be blocked and fail the module
    assert view.locator("h1").inner_text() == "Team report: " + inst.title
    assert view.locator("svg").count() >= 2 and view.locator("table tbody tr").count() == len(inst.dimensions)


def test_the_page_passes_axe_with_a_report_drawn(site, tmp_path):
    axe = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
    inst = CONTENT.instrument("learning-trust")
    files, codes = _group(tmp_path, inst, random.Random(2), 5, 0)
    page = site.open(f"{PAGE}?instrument={inst.id}")
    # dropped onto the box, as a facilitator drags them from a folder
    payload = [{"name": f.name, "text": f.read_text(encoding="utf-8")} for f in files]
    page.evaluate("""(files) => {
        const dt = new DataTransfer();
        files.forEach(f => dt.items.add(new File([f.text], f.name, {type: "application/json"})));
        document.querySelector(".hls-team-drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", payload)
    page.wait_for_selector(".hls-team-report[data-drawn='']", timeout=30000)
    assert "5 people answered" in page.inner_text(".hls-team-report")
    page.add_script_tag(path=str(axe))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    assert not result["violations"], [(v["id"], v["nodes"][0]["html"][:120]) for v in result["violations"]]


def test_every_self_assessment_links_to_the_team_results_page(built_book):
    for inst in CONTENT.instruments:
        pages = [p for p in built_book.rglob("*.html") if f'data-instrument="{inst.id}"' in p.read_text(encoding="utf-8")
                 and "hls-questionnaire" in p.read_text(encoding="utf-8")]
        assert pages, inst.id
        for p in pages:
            html = p.read_text(encoding="utf-8")
            assert f"trainers/team_results.html?instrument={inst.id}" in html, p
            target = (p.parent / f"../trainers/team_results.html").resolve()
            assert target.is_file(), target
