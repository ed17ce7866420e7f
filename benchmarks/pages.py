"""How fast the built site is for a reader: Lighthouse scores and page weight, and chart redraw latency.

Usage: .venv/bin/python benchmarks/pages.py [--runs 3] [--pages a.html,b.html] [--no-lighthouse]
       [--no-latency] [--json out.json]

Serves _build/html on 127.0.0.1 with gzip (as any static host serves it), runs Lighthouse from the npm
registry (npx, pinned below) with Debian's Chromium, mobile default and desktop preset, and prints the
median of the runs for each page: the four scores, LCP, TBT, CLS, bytes transferred and requests.
Then opens every page that has chart controls in headless Chromium and prints control -> redrawn
chart latency (median and 95th percentile) for every bound control.
"""
from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
sys.path.insert(0, str(ROOT / "tests"))
LIGHTHOUSE = "lighthouse@12.8.2"
CHROME = "/usr/bin/chromium"
PAGES = ["book/index.html", "book/cycle/learning_cycle.html", "book/cycle/experiment.html",
         "book/library/case_studies.html", "book/scales/places.html", "book/themes/equity.html",
         "book/trainers/team_results.html"]
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def serve(root: Path):
    """A static server that gzips text responses (or sends a precompressed .gz copy when there is one)."""
    import http.server

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                path = path / "index.html"
            wants = "gzip" in self.headers.get("Accept-Encoding", "")
            if not path.is_file() or not wants or path.suffix not in (".html", ".js", ".css", ".json", ".svg", ".txt"):
                return super().send_head()
            pre = path.with_name(path.name + ".gz")
            body = pre.read_bytes() if pre.is_file() else gzip.compress(path.read_bytes(), 6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return None

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), lambda *a: Handler(*a, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def lighthouse(url: str, desktop: bool) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "report.json"
        cmd = ["npx", "--yes", LIGHTHOUSE, url, "--quiet", "--output=json", f"--output-path={out}",
               "--only-categories=" + ",".join(CATEGORIES),
               "--chrome-flags=--headless=new --no-sandbox --disable-gpu"]
        if desktop:
            cmd.append("--preset=desktop")
        proc = subprocess.run(cmd, env={**os.environ, "CHROME_PATH": CHROME}, capture_output=True, text=True)
        if not out.exists():
            sys.exit(f"lighthouse failed on {url}:\n{proc.stderr[-2000:]}")
        report = json.loads(out.read_text())
    audits = report["audits"]
    return {**{c: round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES},
            "lcp_ms": audits["largest-contentful-paint"]["numericValue"],
            "tbt_ms": audits["total-blocking-time"]["numericValue"],
            "cls": audits["cumulative-layout-shift"]["numericValue"],
            "kb": audits["total-byte-weight"]["numericValue"] / 1024,
            "requests": len(audits["network-requests"]["details"]["items"]),
            "failing": sorted(ref["id"] for c in CATEGORIES[1:] for ref in report["categories"][c]["auditRefs"]
                              if ref["weight"] and (audits[ref["id"]].get("score") or 0) < 1
                              and audits[ref["id"]].get("scoreDisplayMode") in ("binary", "numeric"))}


def median_of(runs: list[dict]) -> dict:
    out = {k: statistics.median(r[k] for r in runs) for k in runs[0] if k != "failing"}
    out["failing"] = sorted(set().union(*(r["failing"] for r in runs)))
    return out


def run_lighthouse(base: str, pages: list[str], runs: int) -> dict:
    results = {}
    print(f"Lighthouse {LIGHTHOUSE.split('@')[1]}, median of {runs} runs, gzip on 127.0.0.1")
    print(f"  {'page':34} {'preset':7} perf a11y  bp seo    LCP ms  TBT ms    CLS     KB req")
    for page in pages:
        if not (SITE / page).exists():
            print(f"  {page:34} (not in this build)")
            continue
        for desktop in (False, True):
            r = median_of([lighthouse(f"{base}/{page}", desktop) for _ in range(runs)])
            preset = "desktop" if desktop else "mobile"
            results[f"{page} {preset}"] = r
            print(f"  {page:34} {preset:7} {r['performance']:4.0f} {r['accessibility']:4.0f} "
                  f"{r['best-practices']:3.0f} {r['seo']:3.0f} {r['lcp_ms']:9.0f} {r['tbt_ms']:7.0f} "
                  f"{r['cls']:6.3f} {r['kb']:6.0f} {r['requests']:3.0f}", flush=True)
            if r["failing"]:
                print(f"  {'':34} failed audits: {', '.join(r['failing'])}")
    return results


# One control change, timed from the input event to the end of the chart's redraw (the DOM mutations
# of the chart's SVG, which Vega makes in one synchronous render).
TIME_CHANGE = """async ([index, step]) => {
  const controls = [...document.querySelectorAll('.vega-bind input, .vega-bind select')]
    .filter(c => !(c.type === 'radio' && c !== c.closest('.vega-bind').querySelector('input[type=radio]')));
  const c = controls[index];
  const charts = [...document.querySelectorAll('.vega-embed svg.marks')];
  const done = new Promise(resolve => {
    const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now()); });
    charts.forEach(svg => obs.observe(svg, {childList: true, subtree: true, attributes: true, characterData: true}));
    setTimeout(() => { obs.disconnect(); resolve(null); }, 2000);
  });
  let target = c;
  if (c.tagName === 'SELECT') { c.selectedIndex = (c.selectedIndex + 1) % c.options.length; }
  else if (c.type === 'checkbox') { c.checked = !c.checked; }
  else if (c.type === 'radio') {
    const group = [...c.closest('.vega-bind').querySelectorAll('input[type=radio]')];
    target = group[step % group.length]; target.checked = true;
  } else if (c.type === 'range') { c.value = step % 2 ? c.min : c.max; }
  else { c.value = 'x' + step; }
  const start = performance.now();
  target.dispatchEvent(new Event(c.type === 'range' || c.type === 'text' ? 'input' : 'change', {bubbles: true}));
  target.dispatchEvent(new Event('input', {bubbles: true}));
  const end = await done;
  return [controls.length, end === null ? null : end - start];
}"""


def run_latency(base: str, changes: int) -> None:
    from browser import draw_charts
    from playwright.sync_api import sync_playwright

    pages = sorted(str(p.relative_to(SITE)) for p in SITE.rglob("*.html")
                   if "vega" in p.read_text(encoding="utf-8") and not str(p.relative_to(SITE)).startswith("_"))
    times, unchanged, per_page = [], [], {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROME, headless=True)
        page = browser.new_page()
        for path in pages:
            page.goto(f"{base}/{path}", wait_until="networkidle")
            if not page.locator(".hls-chart").count():
                continue
            draw_charts(page)          # charts are drawn when a reader first points at one
            page.wait_for_timeout(300)
            count, _ = page.evaluate(TIME_CHANGE.replace("const start", "return [controls.length, 0]; const start"),
                                     [0, 0]) if page.locator(".vega-bind").count() else (0, 0)
            mine = []
            for i in range(count):
                for step in range(changes):
                    _, ms = page.evaluate(TIME_CHANGE, [i, step + 1])
                    (mine.append(ms) if ms is not None else unchanged.append(f"{path} control {i}"))
            if mine:
                per_page[path] = (count, statistics.median(mine), max(mine))
                times += mine
        browser.close()
    print(f"\nControl -> redrawn chart, {changes} changes per bound control (Chromium, headless)")
    for path, (count, med, top) in per_page.items():
        print(f"  {path:44} {count:3} controls  median {med:6.1f} ms  max {top:6.1f} ms")
    if times:
        q = statistics.quantiles(times, n=20)[-1] if len(times) >= 20 else max(times)
        print(f"  all {len(times)} changes: median {statistics.median(times):.1f} ms, 95th percentile {q:.1f} ms")
    if unchanged:
        print(f"  no redraw within 2 s: {len(unchanged)} changes ({', '.join(sorted(set(unchanged))[:5])} ...)")


def main() -> None:
    global SITE
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--pages", default=",".join(PAGES))
    ap.add_argument("--changes", type=int, default=5)
    ap.add_argument("--no-lighthouse", action="store_true")
    ap.add_argument("--no-latency", action="store_true")
    ap.add_argument("--json")
    ap.add_argument("--site", default=str(SITE), help="a built site (default: _build/html)")
    args = ap.parse_args()
    SITE = Path(args.site)
    if not (SITE / "index.html").exists():
        sys.exit(f"no built site in {SITE}: run scripts/build_book.py first")
    server = serve(SITE)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    results = {}
    if not args.no_lighthouse:
        results = run_lighthouse(base, args.pages.split(","), args.runs)
    if not args.no_latency:
        run_latency(base, args.changes)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    server.shutdown()


if __name__ == "__main__":
    main()
