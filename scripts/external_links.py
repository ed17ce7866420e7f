"""List every external link in the built book, with the pages that use it; optionally check them online.

The site itself works offline, so the test suite never goes online. This script is the weekly online
check instead (the scheduled job in .github/workflows/book.yml runs it with --check).

Usage (after `bash scripts/build.sh`):
    .venv/bin/python scripts/external_links.py                 # CSV to stdout: url,page
    .venv/bin/python scripts/external_links.py --format list   # one block per URL, pages indented
    .venv/bin/python scripts/external_links.py --check         # request each URL; exit 1 if any fail

"External" means an http or https URL in an href or src attribute whose host is not this machine
(localhost, 127.0.0.1, ::1). Pages are given relative to the site root, e.g. book/cases/mayday-trust.html.
"""
from __future__ import annotations

import argparse
import csv
import sys
import time
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "_build" / "html"
LOCAL_HOSTS = {"localhost", "127.0.0.1", "::1", "0.0.0.0"}
# Reserved example domains are placeholders (e.g. the JupyterHub button until a hub is configured):
# listed, but never requested.
PLACEHOLDER_DOMAINS = ("example.org", "example.com", "example.net")
SKIPPED = "skipped: placeholder domain"
SKIP_DIRS = {"_static", "_sources", "_images"}   # theme fragments and copies of the sources, not pages
USER_AGENT = "hls-handbook-link-check/0.1 (+https://github.com/hls-handbook/hls-handbook)"


class _LinkParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.urls.append(value.strip())


def is_external(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.hostname) and parts.hostname not in LOCAL_HOSTS


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if not SKIP_DIRS & set(p.relative_to(site).parts[:-1]))


def external_links(site: Path) -> dict[str, list[str]]:
    """url -> sorted pages (relative to the site root) that link to it, in URL order."""
    found: dict[str, set[str]] = {}
    for page in pages(site):
        parser = _LinkParser()
        parser.feed(page.read_text(encoding="utf-8", errors="replace"))
        rel = page.relative_to(site).as_posix()
        for url in parser.urls:
            if is_external(url):
                found.setdefault(url, set()).add(rel)
    return {url: sorted(found[url]) for url in sorted(found)}


def is_placeholder(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return any(host == d or host.endswith("." + d) for d in PLACEHOLDER_DOMAINS)


def check(url: str, timeout: float) -> str | None:
    """None if the URL answers with a success or redirect status, else a short reason."""
    if is_placeholder(url):
        return SKIPPED
    last = None
    for method in ("HEAD", "GET"):       # some servers refuse HEAD (403/405) but serve GET
        req = urllib.request.Request(url.split("#")[0], method=method,
                                     headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                if resp.status < 400:
                    return None
                last = f"HTTP {resp.status}"
        except urllib.error.HTTPError as exc:
            last = f"HTTP {exc.code}"
        except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
            last = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"
    return last


def check_all(links: dict[str, list[str]], timeout: float, workers: int) -> dict[str, str]:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = dict(zip(links, pool.map(lambda u: check(u, timeout), links)))
    return {url: why for url, why in results.items() if why is not None}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--site", type=Path, default=SITE, help="the built HTML (default: _build/html)")
    ap.add_argument("--format", choices=("csv", "list"), default="csv", help="output format (default: csv)")
    ap.add_argument("--check", action="store_true",
                    help="request every URL (HEAD, then GET) and report failures; needs the network")
    ap.add_argument("--timeout", type=float, default=15.0, help="seconds per request (default: 15)")
    ap.add_argument("--workers", type=int, default=8, help="requests in parallel (default: 8)")
    args = ap.parse_args(argv)
    if not args.site.is_dir():
        print(f"No built site at {args.site}; run `bash scripts/build.sh` first.", file=sys.stderr)
        return 2
    links = external_links(args.site)

    if not args.check:
        if args.format == "csv":
            out = csv.writer(sys.stdout, lineterminator="\n")
            out.writerow(["url", "page"])
            for url, where in links.items():
                for page in where:
                    out.writerow([url, page])
        else:
            for url, where in links.items():
                print(url)
                for page in where:
                    print(f"    {page}")
            print(f"\n{len(links)} external URLs on {len({p for w in links.values() for p in w})} pages")
        return 0

    start = time.monotonic()
    problems = check_all(links, args.timeout, args.workers)
    skipped = {u for u, why in problems.items() if why == SKIPPED}
    failed = {u: why for u, why in problems.items() if u not in skipped}
    for url, why in failed.items():
        print(f"FAILED {why}: {url}")
        for page in links[url]:
            print(f"    linked from {page}")
    print(f"Checked {len(links) - len(skipped)} external URLs in {time.monotonic() - start:.0f} s: "
          f"{len(links) - len(skipped) - len(failed)} answered, {len(failed)} failed"
          + (f"; {len(skipped)} on placeholder domains not requested." if skipped else "."))
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except BrokenPipeError:          # e.g. piped into `head`
        sys.stderr.close()
        sys.exit(0)
