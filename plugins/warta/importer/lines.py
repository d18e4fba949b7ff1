"""What one line of a copied page is: page furniture, an agency or byline line, a photo credit."""

from __future__ import annotations

import re

from .outlets import outlet_name

_BOILERPLATE = re.compile(
    r"(?:baca juga|simak juga|lihat juga|read also|also read|read more)\b.*"
    r"|berita lainnya|berita terkait|artikel terkait|advertisement|iklan|scroll to continue with content"
    r"|(?:copyright|hak cipta)\b.*|©.*",
    re.IGNORECASE,
)
_AGENCY = re.compile(r"(?:sumber|source)\s*:\s*(?P<agency>[^:]{2,40})", re.IGNORECASE)
_BYLINE_FIELD = re.compile(r"(?P<role>penulis|pewarta|reporter|rep|editor|redaktur|red)\s*:\s*(?P<name>[^|/:]+)",
                           re.IGNORECASE)
_AUTHOR_ROLES = {"penulis", "pewarta", "reporter", "rep"}
_CREDIT_LABEL = re.compile(r"(?:foto|photo|ilustrasi|illustration)\s*:\s*(?P<credit>.+)", re.IGNORECASE)
# A caption ending in "(ANTARA FOTO/Name/abc)", "(AP Photo/Name)" or "(KOMPAS.com/NAME)".
_CREDIT_TAIL = re.compile(r"(?P<caption>.*?)\s*\((?P<credit>[A-Z][\w.]*(?: FOTO| Photo)?/[^()]+)\)")
_ODD_SPACE = re.compile(r"[^\S \xa0]|[\x00-\x1f\x7f-\x9f]")   # tabs, line separators, control characters
_SPACES = re.compile(r"\s{2,}")


def tidy(line: str) -> str:
    """Strip a line, turn tabs and control characters into spaces and fold runs of spaces (NBSP included)
    into one; a single NBSP stays."""
    line = _ODD_SPACE.sub(" ", line.replace("\u200b", "").replace("\ufeff", ""))
    return _SPACES.sub(" ", line).strip()


def is_boilerplate(line: str) -> bool:
    return bool(_BOILERPLATE.fullmatch(line))


def agency_of(line: str) -> str | None:
    """'Antara' for 'sumber : Antara' (known agencies get their table name)."""
    found = _AGENCY.fullmatch(line)
    if not found:
        return None
    agency = found.group("agency").strip()
    return outlet_name(agency) or agency


def byline_of(line: str) -> tuple[list[str], list[str]] | None:
    """(authors, other names) for a line made only of 'Penulis: X | Editor: Y' fields, else None."""
    fields = list(_BYLINE_FIELD.finditer(line))
    rest = _BYLINE_FIELD.sub("", line).strip(" |/,")
    if not fields or rest:
        return None
    authors = [f.group("name").strip() for f in fields if f.group("role").lower() in _AUTHOR_ROLES]
    others = [f.group("name").strip() for f in fields if f.group("role").lower() not in _AUTHOR_ROLES]
    return authors, others


def credit_of(line: str, tail: bool = True) -> tuple[str, str] | None:
    """(credit, caption on the same line or '') for a photo credit line, else None.

    ``tail`` also accepts a caption ending in a parenthesised credit (only safe above the body).
    """
    found = _CREDIT_LABEL.fullmatch(line)
    if found:
        return found.group("credit").strip(), ""
    found = _CREDIT_TAIL.fullmatch(line) if tail else None
    if found:
        return found.group("credit").strip(), found.group("caption").strip()
    return None
