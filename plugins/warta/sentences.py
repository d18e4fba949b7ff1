"""Sentence spans (start, end offsets) for Indonesian and English news text."""

from __future__ import annotations

import re

from babel.dates import get_month_names

# A candidate end: terminal punctuation (plus closing quotes/brackets) then whitespace, or a blank line.
# It starts with a character class so the regex engine can skip ahead to the next such character.
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=\n)[ \t]*\n|(?<!\n)[.!?…]*[\"'”’)\]]*(?=\s))")
_NEXT_CHAR = re.compile(r"\s*(\S)")
_DOTTED = re.compile(r"(?:[^\W\d_]{1,3}\.)+[^\W\d_]{1,3}")

# Words written with a full stop that rarely end a sentence (titles, street, law and company forms).
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof sen rep gov gen lt col capt cpt sgt st jr sr inc corp co ltd no nos nr vol
    jl jln kec kab prov h hj ir drs dra tn ny sdr bpk kol brigjen mayjen letjen jend pt tbk cv vs
    mt gn kh pol kapt approx fig tel""".split()
) | frozenset(
    name.lower()
    for loc in ("id", "en", "en_GB")
    for name in get_month_names("abbreviated", locale=loc).values()
)


def _is_abbreviation(text: str, dot: int) -> bool:
    start = max(text.rfind(" ", 0, dot), text.rfind("\n", 0, dot), text.rfind("(", 0, dot)) + 1
    token = text[start:dot].lower()
    # Initials ("J. Biden") and dotted forms ("U.S.", "S.H.") keep the sentence going.
    return token in _ABBREVIATIONS or len(token) == 1 and token.isalpha() or bool(_DOTTED.fullmatch(token))


def split(text: str, lang: str = "id") -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text``, trimmed of surrounding whitespace.

    ``lang`` is accepted for symmetry with the other text functions; the rules serve id and en alike.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        first, end = text[m.start()], m.end()
        if first == "\n":
            _add(text, start, m.start(), spans)
        else:
            if first == ".":
                nxt = _NEXT_CHAR.match(text, end)
                if nxt and (nxt.group(1).islower() or nxt.group(1).isdigit()) or _is_abbreviation(text, m.start()):
                    continue
            _add(text, start, end, spans)
        start = end
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
