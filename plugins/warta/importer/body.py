"""Clean the lines of an article: drop page furniture, collect byline and agency, find the dateline."""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.importer.lines import (
    INITIALS,
    agency_of,
    byline_of,
    credit_of,
    is_boilerplate,
    tidy,
)
from warta.importer.outlets import Dateline, match_dateline

_TRAILING_INITIALS = re.compile(INITIALS.pattern + "$")


@dataclass(frozen=True)
class Sifted:
    kept: tuple[tuple[int, str], ...]   # (line or paragraph number, tidied text)
    authors: tuple[str, ...]
    agency: str
    notes: tuple[str, ...]


def sift(lines: list[str], unit: str = "line") -> Sifted:
    """Keep the text lines; drop blank lines and page furniture; take byline and agency lines out."""
    kept, authors, agency, notes = [], [], "", []
    for number, raw in enumerate(lines, 1):
        text = tidy(raw)
        where = f"{unit} {number}"
        if not text:
            if raw.strip(" \t\r"):
                notes.append(f"{where}: dropped a line of invisible spaces")
            continue
        if is_boilerplate(text):
            notes.append(f"{where}: dropped page furniture {text!r}")
            continue
        if INITIALS.fullmatch(text):
            notes.append(f"{where}: dropped editor initials {text!r}")
            continue
        found_agency = agency_of(text)
        if found_agency:
            agency = found_agency
            notes.append(f"{where}: agency line {text!r} -> source.agency {found_agency!r}")
            continue
        byline = byline_of(text)
        if byline:
            authors += byline[0]
            notes.append(f"{where}: byline {text!r} -> authors {byline[0]!r}" if byline[0]
                         else f"{where}: dropped byline {text!r}")
            continue
        kept.append((number, text))
    return Sifted(tuple(kept), tuple(dict.fromkeys(authors)), agency, tuple(notes))


def take_body(items: list[tuple[int, str]], caption: str = "", unit: str = "line"
              ) -> tuple[tuple[str, ...], Dateline | None, list[str]]:
    """Body paragraphs with the dateline cut from the first one; photo credits and caption repeats dropped."""
    paragraphs, notes = [], []
    for number, text in items:
        if caption and text == caption:
            notes.append(f"{unit} {number}: dropped repeated photo caption")
        elif credit_of(text, tail=False):
            notes.append(f"{unit} {number}: dropped photo credit {text!r}")
        else:
            paragraphs.append((number, text))
    if paragraphs and (initials := _TRAILING_INITIALS.search(paragraphs[-1][1])):
        number, text = paragraphs[-1]
        paragraphs[-1] = (number, text[:initials.start()])
        notes.append(f"{unit} {number}: dropped editor initials {initials.group().strip()!r} at the end")
    dateline = match_dateline(paragraphs[0][1]) if paragraphs else None
    if dateline:
        number, text = paragraphs[0]
        rest = text[len(dateline.text):].strip()
        paragraphs[0] = (number, rest)
        shown = " ".join(dateline.text.split())
        notes.append(f"{unit} {number}: dateline {shown!r} -> city {dateline.city or '(none)'!r}, "
                     f"source {dateline.outlet or '(none)'!r}")
        if not dateline.known:
            notes.append(f"{unit} {number}: outlet {dateline.token!r} is not in the outlet table: "
                         "name kept as written")
    return tuple(text for _, text in paragraphs if text), dateline, notes


def in_order(notes: list[str]) -> tuple[str, ...]:
    """Report notes sorted by the numbers before their first colon ('line 9', 'item 2 paragraph 3')."""
    def key(note: str) -> list[int]:
        return [int(n) for n in re.findall(r"\d+", note.split(":", 1)[0])] or [1 << 30]
    return tuple(sorted(notes, key=key))
