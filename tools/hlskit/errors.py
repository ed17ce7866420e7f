"""The one exception for content problems, so every edge can show a single readable line."""
from __future__ import annotations


class ContentError(ValueError):
    """A content file is malformed or inconsistent.

    Carries where the problem is (file, record id, field) so a trainer can go straight to it.
    """

    def __init__(self, file: str, record: str | None, field: str | None, problem: str):
        self.file, self.record, self.field, self.problem = file, record, field, problem
        where = [f"file {file}"]
        if record is not None:
            where.append(f"record '{record}'")
        if field is not None:
            where.append(f"field '{field}'")
        super().__init__(f"{', '.join(where)}: {problem}")
