"""Text copied from a news page: date line, title, subtitle, photo caption and credit, dateline, body."""

from __future__ import annotations

from ..problems import Problem
from .body import in_order, sift, take_body
from .draft import Draft, check_draft
from .lang import detect_lang
from .lines import credit_of
from .outlets import match_dateline
from .timestamps import EXAMPLES, parse_stamp

_HINT = "paste the page text starting at its date line, then the title, then the article"


def parse_raw_text(text: str, path: str) -> Draft | list[Problem]:
    """One draft from a copied page, or the problems that stop it."""
    if not text.strip(" \t\r\n\xa0\ufeff\u200b"):
        return [Problem(path, None, "empty file", _HINT)]
    sifted = sift(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    kept = list(sifted.kept)
    if not kept:
        return [Problem(path, None, "only page boilerplate (Advertisement, Baca Juga, ...), no article text", _HINT)]
    stamp, stamp_at = None, None
    for index in range(min(2, len(kept))):   # the date line comes first, or right after the title
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
    title_line, title = kept[1 - stamp_at]
    notes = [f"line {date_line}: {note}" for note in stamp.notes] + list(sifted.notes)

    rest = kept[2:]
    start = next((i for i, (_, t) in enumerate(rest) if match_dateline(t)), None)
    if start is None:
        start = _header_end_without_dateline(rest)
        where = f"line {rest[start][0]}" if start < len(rest) else "the end"
        notes.append(f"line {title_line}: no dateline found: body starts at {where}")
    header, body_items = rest[:start], rest[start:]

    summary, caption, credit, header_notes, problem = _read_header(header, path)
    if problem:
        return [problem]
    body, dateline, body_notes = take_body(body_items, caption)
    notes += header_notes + body_notes

    source = dateline.outlet if dateline else ""
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
        image_caption=caption, image_credit=credit, authors=sifted.authors, report=in_order(notes),
    )
    return check_draft(draft, path, title_line) or draft


def _header_end_without_dateline(rest: list[tuple[int, str]]) -> int:
    """Without a dateline the header is the lines up to a photo credit (and its caption), if any."""
    credit_at = next((i for i, (_, t) in enumerate(rest[:4]) if credit_of(t)), None)
    if credit_at is None:
        return 0
    end = credit_at + 1
    inline_caption = credit_of(rest[credit_at][1])[1]
    if end < len(rest) and not inline_caption and (credit_at == 0 or rest[end][1] == rest[credit_at - 1][1]):
        end += 1
    return end


def _read_header(header: list[tuple[int, str]], path: str):
    """(summary, caption, credit, notes, problem) from the lines between title and body."""
    notes: list[str] = []
    credit_at = next((i for i, (_, t) in enumerate(header) if credit_of(t)), None)
    caption = credit = ""
    others = list(header)
    if credit_at is not None:
        credit, caption = credit_of(header[credit_at][1])
        pre, post = header[:credit_at], header[credit_at + 1:]
        if not caption and pre and post and pre[-1][1] == post[0][1]:
            caption = pre.pop()[1]     # caption, credit, caption again: the second one is the repeat
        elif not caption and post:
            caption = post.pop(0)[1]
        elif not caption and pre:
            caption = pre.pop()[1]
        others = []
        for number, text in pre + post:
            if text == caption:
                notes.append(f"line {number}: dropped repeated photo caption")
            else:
                others.append((number, text))
    if len(others) > 1:
        number, text = others[1]
        return "", "", "", notes, Problem(
            path, number, f"expected the body (opening with a dateline such as 'REPUBLIKA.CO.ID, BEIJING -- ') "
                          f"after the title, subtitle and photo caption, got another line {text[:60]!r}",
            "join or remove the extra line above the body")
    summary = others[0][1] if others else ""
    return summary, caption, credit, notes, None

