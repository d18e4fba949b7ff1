"""Copy-editing warnings about dates in an article body (what `invoke check` prints after the errors)."""

from __future__ import annotations

from datetime import datetime

from babel.dates import format_date

from warta.problems import Problem
from warta.temporal.extract import extract


def weekday_warnings(path: str, text: str, body: str, lang: str, published: datetime) -> list[Problem]:
    """A weekday written with a date it does not fall on (``Kamis (19/5/2023)``, a Friday): the date is
    kept on the timeline; the warning names the line so an editor can fix one or the other."""
    offset = len(text) - len(body) if text.endswith(body) else 0
    first_line = text.count("\n", 0, offset) + 1
    warnings = []
    for expr in extract(body, lang, published):
        if expr.weekday_written:
            line = first_line + body.count("\n", 0, expr.start)
            actual = format_date(expr.value, "EEEE", locale=lang if lang in ("id", "en") else "id")
            message = (f"warning: '{expr.phrase}': {expr.value.isoformat()} is a {actual}, "
                       f"not a {expr.weekday_written}")
            warnings.append(Problem(path, line, message, "correct the weekday or the date"))
    return warnings
