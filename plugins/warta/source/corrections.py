"""Front-matter ``corrections: [{date, text}, ...]``: what was corrected and when, shown with the article."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

import yaml

from warta.problems import Problem
from warta.source.xmlchars import clean
from warta.source.yamlnodes import line_of, text_of

KEYS = ("date", "text")


@dataclass(frozen=True)
class Correction:
    date: datetime
    text: str


def read_corrections(node: yaml.Node, path: str, line: int, parse_date) -> tuple[tuple[Correction, ...], list[Problem]]:
    """``(Correction, line)`` pairs from a list of ``{date, text}`` mappings; every bad entry is a problem."""
    if isinstance(node, yaml.ScalarNode) and text_of(node) is None:
        return (), []
    if not isinstance(node, yaml.SequenceNode):
        return (), [Problem(path, line, "'corrections' must be a list of {date, text}",
                            "e.g. corrections: [{date: 2024-03-02T10:00:00+07:00, text: What was corrected.}]")]
    found, problems = [], []
    for item in node.value:
        where = line_of(item, 2)
        if not isinstance(item, yaml.MappingNode):
            problems.append(Problem(path, where, "each correction must be a mapping with 'date' and 'text'"))
            continue
        values = {}
        for key_node, value_node in item.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
            if key not in KEYS or not isinstance(value_node, yaml.ScalarNode):
                problems.append(Problem(path, line_of(key_node, 2), f"unknown field 'corrections.{key}'"
                                        if key not in KEYS else f"'corrections.{key}' must be a single value"))
                continue
            values[key] = (clean(text_of(value_node) or "").strip(), line_of(key_node, 2))
        missing = [key for key in KEYS if not values.get(key, ("",))[0]]
        if missing:
            problems.append(Problem(path, where, f"a correction needs '{missing[0]}'"))
            continue
        date, date_problems = parse_date(values["date"][0], path, values["date"][1], "corrections.date")
        problems += date_problems
        if date is not None:
            found.append((Correction(date, values["text"][0]), values["date"][1]))
    return tuple(found), problems


def in_zone(corrections, zone):
    """Naive dates in the site's zone, oldest first (``(Correction, line)`` pairs)."""
    placed = [(replace(c, date=c.date.replace(tzinfo=zone)) if c.date.tzinfo is None else c, line)
              for c, line in corrections]
    return sorted(placed, key=lambda pair: pair[0].date)


def correction_problems(corrections, published: datetime, path: str) -> list[Problem]:
    """A correction cannot come before the article it corrects."""
    return [Problem(path, line, f"correction dated {c.date.isoformat()} is earlier than the article's 'date'")
            for c, line in corrections if c.date < published]
