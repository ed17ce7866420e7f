"""The pooling rules shared with the Team results page: one JSON file, read here and embedded in the page.

Both engines fill the same message templates, so a file refused by ``hlskit pool`` is refused in the
browser with the same words, and both sort and round figures to the same number of digits.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

_FIELD = re.compile(r"\{([a-z_]+)\}")


@lru_cache(maxsize=1)
def rules() -> dict:
    """The rule file as plain data (the page embeds exactly this)."""
    return json.loads(resources.files("hlskit").joinpath("pooling.json").read_text(encoding="utf-8"))


def fill(template: str, **values) -> str:
    """Fill ``{name}`` fields the way the page's script does: plain text substitution, nothing else."""
    return _FIELD.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


def message(key: str, **values) -> str:
    return fill(rules()["messages"][key], **values)


def shown(value) -> str:
    """A value from a file as both engines print it in a message (JSON's own spelling)."""
    return "missing" if value is ... else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def rank_key(value: float | None) -> float:
    """Figures are ranked after rounding, so tiny float differences between engines never reorder them."""
    return float("nan") if value is None else round(float(value), rules()["sort_digits"])
