"""Serve the built site on localhost and drive Debian's Chromium with every other host blocked."""
from __future__ import annotations

import functools
import http.server
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
LOCAL = ("127.0.0.1", "localhost")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@dataclass
class Session:
    base: str
    context: object
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    route: object = None

    def device(self, viewport=(1280, 900), touch: bool = False):
        """Another person's browser (a new context, nothing shared) on the same site, equally cut off."""
        context = self.context.browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                                   accept_downloads=True, has_touch=touch, is_mobile=touch)
        context.route("**/*", self.route)
        return Session(base=self.base, context=context, blocked=self.blocked, errors=self.errors,
                       failed=self.failed, route=self.route)

    def open(self, path: str):
        """Open a page, wait for the network to settle, and record console errors and 404s."""
        page = self.context.new_page()
        page.on("console", lambda m: m.type == "error" and self.errors.append(f"{path}: {m.text}"))
        page.on("pageerror", lambda e: self.errors.append(f"{path}: {e}"))
        page.on("response", lambda r: r.status >= 400 and self.failed.append(f"{r.status} {r.url}"))
        page.goto(f"{self.base}/{path}", wait_until="networkidle")
        return page


def draw_charts(page, timeout: int = 20000):
    """Point at the page's first chart, as a reader does: its picture gives way to the drawn chart.

    The chart library loads only when a reader points at, touches or focuses a chart or a control;
    then every chart on the page is drawn. Returns the page once all of them are."""
    box = page.locator(".hls-chart").first
    box.scroll_into_view_if_needed()
    box.hover()
    page.wait_for_function("() => [...document.querySelectorAll('.hls-chart')].every(b => b.hasAttribute('data-drawn'))",
                           timeout=timeout)
    return page


@contextmanager
def offline_site(root: Path, viewport=(1280, 900), touch: bool = False):
    """The built site on localhost; ``touch`` makes a phone-like context (touch events, mobile viewport)."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--disable-background-networking", "--disable-component-update"])
            context = browser.new_context(viewport={"width": viewport[0], "height": viewport[1]},
                                          accept_downloads=True, has_touch=touch, is_mobile=touch)
            session = Session(base=f"http://127.0.0.1:{server.server_address[1]}", context=context)

            def route(r):
                if urlparse(r.request.url).hostname in LOCAL:
                    return r.continue_()
                session.blocked.append(r.request.url)
                return r.abort()

            context.route("**/*", route)
            session.route = route
            yield session
            browser.close()
    finally:
        server.shutdown()
        server.server_close()
