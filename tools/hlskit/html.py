"""Every HTML string the package makes goes through these Jinja2 templates, with autoescape on,
so text from content files or from users can never inject markup."""
from __future__ import annotations

from jinja2 import Environment, PackageLoader, select_autoescape

ENV = Environment(
    loader=PackageLoader("hlskit", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def render(template: str, **context) -> str:
    return ENV.get_template(template).render(**context)
