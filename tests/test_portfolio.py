"""The portfolio file: appending keeps earlier designs, a bad file is never overwritten."""
from __future__ import annotations

from datetime import date

import pytest

from hlskit.content import load_content
from hlskit.experiments import ExperimentDesign
from hlskit.portfolio import PortfolioError, append_design, load_portfolio, portfolio_frame

CONTENT = load_content()
A = ExperimentDesign(title="A", scale="person", start=date(2026, 1, 1), end=date(2026, 2, 1), question="q?")
B = ExperimentDesign(title="B, with a comma", scale="place", stage="embed", start=date(2026, 3, 1), end=date(2026, 5, 1))


def test_append_keeps_earlier_designs_in_order(tmp_path):
    path = tmp_path / "portfolio.csv"
    assert append_design(path, A, CONTENT) == 1
    assert append_design(path, B, CONTENT) == 2
    assert [d.title for d in load_portfolio(path, CONTENT)] == ["A", "B, with a comma"]
    frame = portfolio_frame(load_portfolio(path, CONTENT), CONTENT)
    assert list(frame.scale) == ["A person's life", "A place"]


@pytest.mark.parametrize("text, words", [
    ("not,a,portfolio\n1,2,3\n", "missing columns"),
    (None, "not UTF-8"),
])
def test_unreadable_portfolio_is_refused_and_left_as_it_was(tmp_path, text, words):
    path = tmp_path / "portfolio.csv"
    raw = text.encode() if text is not None else "saved,title\n2026-01-01,caf\u00e9\n".encode("latin-1")
    path.write_bytes(raw)
    with pytest.raises(PortfolioError, match=words):
        append_design(path, A, CONTENT)
    assert path.read_bytes() == raw


def test_bad_row_names_row_and_column(tmp_path):
    path = tmp_path / "portfolio.csv"
    append_design(path, A, CONTENT)
    path.write_text(path.read_text().replace("2026-02-01", "1st Feb"), encoding="utf-8")
    with pytest.raises(PortfolioError, match=r"row 2, column 'end': '1st Feb'"):
        load_portfolio(path, CONTENT)
    path.write_text(path.read_text().replace("person", "galaxy"), encoding="utf-8")
    with pytest.raises(PortfolioError, match=r"row 2, column 'scale': unknown scale 'galaxy'"):
        load_portfolio(path, CONTENT)
