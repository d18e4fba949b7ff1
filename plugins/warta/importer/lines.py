"""What one line of a copied page is: page furniture, an agency or byline line, a photo credit."""

from __future__ import annotations

import re

from warta.importer.outlets import outlet_name

_BOILERPLATE = re.compile(
    r"(?:baca juga|simak juga|lihat juga|read also|also read|read more)\b.*"
    r"|berita lainnya|berita terkait|artikel terkait|advertisement|iklan|scroll to continue with content"
    r"|(?:copyright|hak cipta|all rights reserved)\b.*|©.*"
    # prompts to follow, share, comment or watch
    r"|(?:ikuti|follow|simak|cek|klik|click|dapatkan|gabung|join|subscribe|berlangganan|langganan|get|unduh|download)"
    r"\b.{0,150}\b(?:google news|whatsapp|telegram|newsletter)\b.{0,100}"
    r"|(?:download|unduh)\s+(?:aplikasi|app)\b.{0,150}"
    r"|(?:simak|lihat|tonton|saksikan|watch)\s+(?:juga\s+)?(?:berita|artikel|video|informasi|selengkapnya)\b.{0,200}"
    r"|(?:share|bagikan|komentar|comments?|tulis komentar|lihat komentar|beri komentar|salin tautan|copy link"
    r"|tweet|cetak|print|\d+\s+(?:komentar|comments?)|share (?:this )?(?:article|story)|bagikan (?:artikel|berita) ini)"
    r"|video\s*:.{0,200}|\[gambas:[^\]]*\]|artikel ini (?:telah )?(?:tayang|terbit|dimuat)\b.*"
    r"|(?:pilihan editor|editor['’]?s choice|tags?|topik|topics?|kata kunci|keywords?)\s*:.*"
    r"|our standards\b.*|halaman\s+\d+(?:\s*(?:/|dari)\s*\d+)?|halaman (?:selanjutnya|berikutnya)|next page"
    r"|\d+\s+(?:menit|min(?:ute)?s?)\s+(?:baca|membaca|read)|[_*=~•·\s-]{3,}",
    re.IGNORECASE,
)
# Editor initials closing an article: "(abc/def)", "(ant)".
INITIALS = re.compile(r"\s*\([a-z]{2,5}(?:/[a-z]{2,5}){0,3}\)")
_AGENCY = re.compile(r"(?:sumber|source)\s*:\s*(?P<agency>[^:]{2,40})", re.IGNORECASE)
_BYLINE_FIELD = re.compile(r"(?P<role>penulis|pewarta|reporter|kontributor|wartawan|writer|rep|editor|redaktur"
                           r"|penyunting|red)\s*:\s*(?P<name>[^|/:]+)", re.IGNORECASE)
_AUTHOR_ROLES = {"penulis", "pewarta", "reporter", "kontributor", "wartawan", "writer", "rep"}
# "Reporting by A and B in Seoul; Editing by C": a wire story's credits.
_CREDITS_PART = re.compile(
    r"(?P<role>(?:additional )?reporting|writing|editing|compiled|graphics)\s+by\s+(?P<names>.+)", re.IGNORECASE)
_BY = re.compile(r"(?:by|oleh)\s*:?\s+(?P<names>[^:;|]{3,120})", re.IGNORECASE)
_AUTHOR_OUTLET = re.compile(r"(?P<names>[^()|]{3,120}?)\s*(?:[-–—|]\s*|\()(?P<outlet>[^()|-]{2,40}?)\)?")
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:bin|binti|van|de|al|el)\s+)?[A-Z][\w'’.-]*){0,4}")
_NOT_NAMES = {"tim", "team", "staff", "redaksi", "desk", "admin", "newsroom", "editor", "reporter"}
_CREDIT_WORDS = r"(?:foto|photo|ilustrasi|illustration)\s*:|(?:sumber gambar|image source|kredit foto)\s*[:,]"
_CREDIT_LABEL = re.compile(rf"\(?(?:{_CREDIT_WORDS})\s*(?P<credit>[^()]+)\)?", re.IGNORECASE)
# An agency-style credit: "REUTERS/Lee Min-jun", "ANTARA FOTO/X/abc", "AP Photo/X", "CNN Indonesia/X".
_AGENCY_CREDIT = r"[A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,2}/[^\s/()][^()]{0,80}"
_CREDIT_TAILS = (
    re.compile(rf"(?P<caption>.*?)\s*\((?:{_CREDIT_WORDS})\s*(?P<credit>[^()]+)\)", re.IGNORECASE),
    re.compile(rf"(?P<caption>.*?)\s*\((?P<credit>{_AGENCY_CREDIT})\)"),
    re.compile(rf"(?P<caption>.+?)[\s|/–—-]*\s(?:{_CREDIT_WORDS})\s*(?P<credit>[^:()]{{2,80}})", re.IGNORECASE),
    re.compile(rf"(?P<caption>.+?[.!?”\"’)])\s+(?:[|/–—-]\s*)?(?P<credit>{_AGENCY_CREDIT})"),
)
_CAPTION_LABEL = re.compile(r"(?:keterangan (?:gambar|foto)|image caption|caption)\s*[:,]\s*(?P<caption>.+)",
                            re.IGNORECASE)
CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # control characters but tab, LF and CR
_ODD_SPACE = re.compile(rf"[^\S \xa0]|{CONTROLS.pattern}")   # tabs, line separators, control characters
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
    """(authors, other names) for a byline or credits line, else None.

    'Penulis: X | Editor: Y', 'Reporting by X in Seoul; Editing by Y', 'By X and Y', 'Oleh: X'.
    Only personal names count as authors ('Tim Redaksi' does not).
    """
    fields = list(_BYLINE_FIELD.finditer(line))
    if fields and not _BYLINE_FIELD.sub("", line).strip(" |/,"):
        roles = [(f.group("role").lower() in _AUTHOR_ROLES, f.group("name").strip()) for f in fields]
    elif all(_CREDITS_PART.fullmatch(part.strip()) for part in line.rstrip(".").split(";")):
        roles = [(m.group("role").lower() != "editing", m.group("names"))
                 for m in (_CREDITS_PART.fullmatch(part.strip()) for part in line.rstrip(".").split(";"))]
    elif (found := _BY.fullmatch(line)) and all(_NAME.fullmatch(n) for n in _names(found.group("names"))):
        roles = [(True, found.group("names"))]
    else:
        return None
    authors = [n for writer, names in roles if writer for n in _names(names) if is_name(n)]
    others = [n for writer, names in roles for n in _names(names) if n not in authors]
    return authors, others


def _names(text: str) -> list[str]:
    """'A, B and C in Seoul' -> ['A', 'B', 'C']; names in capitals are title-cased."""
    text = re.split(r"\s+in\s+", text.strip().rstrip("."), maxsplit=1)[0]
    names = (n.strip() for n in re.split(r",|\s+(?:and|dan|AND|DAN)\s+|\s*&\s*", text))
    return [n.title() if n.isupper() and len(n) > 3 else n for n in names if n]


def author_outlet_of(line: str) -> tuple[list[str], str] | None:
    """(authors, outlet name) for 'Rina Wulandari - detikNews' or 'Nadia Putri (The Jakarta Post)'."""
    found = _AUTHOR_OUTLET.fullmatch(line)
    if not found or not outlet_name(found.group("outlet")):
        return None
    names = _names(found.group("names"))
    return ([n for n in names if is_name(n)], outlet_name(found.group("outlet"))) if names else None


def is_name(text: str) -> bool:
    """A personal name: capitalised words, not a desk or a team."""
    words = text.split()
    return (bool(_NAME.fullmatch(text)) and not any(w.lower() in _NOT_NAMES for w in words)
            and not outlet_name(words[0]) and not outlet_name(text))


def credit_of(line: str, tail: bool = True) -> tuple[str, str] | None:
    """(credit, caption on the same line or '') for a photo credit line, else None.

    ``tail`` also accepts a caption carrying its credit ("... (Foto: X)", "... Photo: X", "... REUTERS/X",
    "... (ANTARA FOTO/X/abc)"): only safe above the body.
    """
    found = _CREDIT_LABEL.fullmatch(line)
    if found:
        return found.group("credit").strip(), ""
    if re.fullmatch(_AGENCY_CREDIT, line) and len(line.split()) <= 8 and line[-1] not in ".!?":
        return line, ""
    for pattern in _CREDIT_TAILS if tail else ():
        found = pattern.fullmatch(line)
        if found:
            return found.group("credit").strip(), found.group("caption").strip()
    return None


def caption_of(line: str) -> str | None:
    """The caption of a labelled caption line ('Keterangan gambar, ...', 'Image caption, ...')."""
    found = _CAPTION_LABEL.fullmatch(line)
    return found.group("caption").strip() if found else None
