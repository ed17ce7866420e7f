"""An external link's address reaches the page as written, whatever it holds."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "_ext"))
from link_addresses import unescape_address  # noqa: E402
from markdown_it.common.utils import escapeHtml  # noqa: E402


def test_undoing_the_parsers_escape_gives_back_the_address():
    for uri in ["https://a.org/p?cc=gb&lang=en&#", "https://a.org/?q=%3Cb%3E&x=&lt;", 'https://a.org/"q"', "https://a.org/plain"]:
        assert unescape_address(escapeHtml(uri)) == uri
