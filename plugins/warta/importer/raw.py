"""Text copied from a news page: date line, title, subtitle, photo caption and credit, dateline, body."""

from __future__ import annotations

import re

from warta.importer.body import in_order, sift, take_body
from warta.importer.draft import Draft, check_draft
from warta.importer.lang import detect_lang, foreign_lang
from warta.importer.lines import author_outlet_of, caption_of, credit_of
from warta.importer.outlets import match_dateline, outlet_name
from warta.importer.timestamps import EXAMPLES, parse_stamp
from warta.problems import Problem

_HINT = "paste the page text starting at its date line, then the title, then the article"
DATELINE_WINDOW = 8   # blocks after the title searched for the dateline
_BARE_WINDOW = 4      # a dateline without an outlet or agency ("Jakarta - ") must come this early
# A subtitle: opens with a capital or a quote, and does not end like a sentence.
_SUBTITLE = re.compile(r"[\"“‘'A-Z].{9,300}(?<![.!?:\"”’'])")


def parse_raw_text(text: str, path: str) -> Draft | list[Problem]:
    """One draft from a copied page, or the problems that stop it."""
    if not text.strip(" \t\r\n\xa0\ufeff\u200b"):
        return [Problem(path, None, "empty file", _HINT)]
    sifted = sift(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    kept = list(sifted.kept)
    if not kept:
        return [Problem(path, None, "only page boilerplate (Advertisement, Baca Juga, ...), no article text", _HINT)]
    notes, authors = list(sifted.notes), list(sifted.authors)
    named, kept = _outlet_lines(kept, notes, authors)

    stamp, stamp_at = None, None
    for index in range(min(3, len(kept))):   # the date line comes first, or after the title (and subtitle)
        stamp = parse_stamp(kept[index][1])
        if isinstance(stamp, str):
            return [Problem(path, kept[index][0], stamp)]
        if stamp:
            stamp_at = index
            break
    if stamp_at is None:
        return [Problem(path, kept[0][0], f"expected a date line such as {EXAMPLES}, got {kept[0][1][:60]!r}", _HINT)]
    if len(kept) < 2:
        return [Problem(path, kept[0][0], "expected the title after the date line", _HINT)]
    date_line = kept[stamp_at][0]
    notes += [f"line {date_line}: {note}" for note in stamp.notes]
    before, rest = kept[:stamp_at], kept[stamp_at + 1:]
    if len(before) == 2 and _is_kicker(*before):
        notes.append(f"line {before[0][0]}: dropped section label {before[0][1]!r}")
        before = before[1:]
    if before:
        (title_line, title), rest = before[0], before[1:] + rest
    else:
        (title_line, title), rest = rest[0], rest[1:]

    start = _dateline_at(rest)
    if start is None:
        start = _header_end_without_dateline(rest)
        where = f"line {rest[start][0]}" if start < len(rest) else "the end"
        notes.append(f"line {title_line}: no dateline found: body starts at {where}")
    header, body_items = rest[:start], rest[start:]

    summary, caption, credit, header_notes, problem = _read_header(header, title, path)
    if problem:
        return [problem]
    body, dateline, body_notes = take_body(body_items, caption)
    notes += header_notes + body_notes

    # An outlet before the date ("Kompas.com - 14/09/2023 ...") counts when known or a domain, not "Sabtu - ".
    source = ((dateline.outlet if dateline else "") or named or outlet_name(stamp.outlet)
              or (stamp.outlet if "." in stamp.outlet else ""))
    agency = sifted.agency
    if agency and agency == source:
        notes.append(f"agency {agency!r} is also the source: left out")
        agency = ""
    lang = detect_lang(" ".join((title, summary, *body)))
    if lang is None:
        notes.append("language not recognised: assumed id")
    draft = Draft(
        title=title, date=stamp.when, lang=lang or "id", body=body, summary=summary,
        dateline=dateline.city if dateline else "", source_name=source, source_agency=agency,
        image_caption=caption, image_credit=credit, authors=tuple(dict.fromkeys(authors)), report=in_order(notes),
        foreign_lang=foreign_lang(" ".join((title, summary, *body))),
    )
    return check_draft(draft, path, title_line) or draft


def _outlet_lines(kept: list[tuple[int, str]], notes: list[str], authors: list[str]):
    """Take out the lines near the top that only name the outlet ("CNN Indonesia"), or the writer and the
    outlet ("Rina Wulandari - detikNews"): (the outlet's name, the other lines)."""
    named, others = "", []
    for index, (number, text) in enumerate(kept):
        name = outlet_name(text) if index < DATELINE_WINDOW else None
        with_author = author_outlet_of(text) if index < DATELINE_WINDOW and not name else None
        if name:
            notes.append(f"line {number}: outlet line {text!r} -> source {name!r}")
        elif with_author:
            name = with_author[1]
            authors += with_author[0]
            notes.append(f"line {number}: byline {text!r} -> authors {with_author[0]!r}, source {name!r}")
        else:
            others.append((number, text))
        named = named or name or ""
    return named, others or kept


def _is_kicker(first: tuple[int, str], second: tuple[int, str]) -> bool:
    """A short section label ("NASIONAL", "Ekonomi Bisnis") above the title."""
    words = first[1].split()
    return ((len(words) <= 2 or len(words) == 3 and first[1].isupper())
            and len(second[1].split()) > len(words) and first[1][-1:] not in ".!?")


def _dateline_at(rest: list[tuple[int, str]]) -> int | None:
    """Index of the first block (among the first few) opening with a dateline; photo captions are skipped."""
    for index, (_, text) in enumerate(rest[:DATELINE_WINDOW]):
        if credit_of(text) or caption_of(text):
            continue
        dateline = match_dateline(text)
        if dateline and (dateline.token or index < _BARE_WINDOW):
            return index
    return None


def _header_end_without_dateline(rest: list[tuple[int, str]]) -> int:
    """Without a dateline the header is the lines up to a photo credit (and its caption), if any, or else
    a subtitle-like line (no closing full stop) when more text follows."""
    credit_at = next((i for i, (_, t) in enumerate(rest[:4]) if credit_of(t)), None)
    if credit_at is None:
        return int(len(rest) > 1 and bool(_SUBTITLE.fullmatch(rest[0][1])))
    end = credit_at + 1
    inline_caption = credit_of(rest[credit_at][1])[1]
    if end < len(rest) and not inline_caption and (credit_at == 0 or rest[end][1] == rest[credit_at - 1][1]):
        end += 1
    return end


def _read_header(header: list[tuple[int, str]], title: str, path: str):
    """(summary, caption, credit, notes, problem) from the lines between title and body."""
    notes: list[str] = []
    caption = credit = ""
    others = []
    for number, text in header:
        labelled = caption_of(text)
        if labelled and not caption:
            caption = labelled
        elif text == title:
            notes.append(f"line {number}: dropped repeated title")
        else:
            others.append((number, text))
    credits = [i for i, (_, t) in enumerate(others) if credit_of(t)]
    if credits:
        credit_at = credits[0]
        credit, inline = credit_of(others[credit_at][1])
        caption = caption or inline
        for i in credits[1:]:
            notes.append(f"line {others[i][0]}: dropped another photo credit {others[i][1]!r}")
        pre = [item for item in others[:credit_at]]
        post = [item for i, item in enumerate(others) if i > credit_at and i not in credits]
        if not caption and pre and post and pre[-1][1] == post[0][1]:
            caption = pre.pop()[1]     # caption, credit, caption again: the second one is the repeat
        elif not caption and post:
            caption = post.pop(0)[1]
        elif not caption and pre:
            caption = pre.pop()[1]
        others = pre + post
    plain = []
    for number, text in others:
        if text == caption or any(text == seen for _, seen in plain):
            notes.append(f"line {number}: dropped repeated {'photo caption' if text == caption else 'line'}")
        else:
            plain.append((number, text))
    if len(plain) > 1:
        number, text = plain[1]
        return "", "", "", notes, Problem(
            path, number, f"expected the body (opening with a dateline such as 'REPUBLIKA.CO.ID, BEIJING -- ') "
                          f"after the title, subtitle and photo caption, got another line {text[:60]!r}",
            "join or remove the extra line above the body")
    summary = plain[0][1] if plain else ""
    return summary, caption, credit, notes, None
