"""Sentence spans (start, end offsets) for Indonesian and English news text."""

from __future__ import annotations

import re
from bisect import bisect_right

from babel.dates import get_month_names

# A candidate end: terminal punctuation (plus closing quotes/brackets) then whitespace, or a blank line.
# It starts with a character class so the regex engine can skip ahead to the next such character.
# Group 1 is the next non-space character after a punctuation end, when there is one.
_CANDIDATE = re.compile(r"[.!?…\n](?:(?<=\n)[ \t]*\n|(?<!\n)[.!?…]*[\"'”’)\]]*(?=\s)(?:(?=\s*(\S))|))")
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
    space = text.rfind(" ", 0, dot)
    # A line break or bracket only matters after the last space: search no further back than it.
    start = max(space, text.rfind("\n", space + 1, dot), text.rfind("(", space + 1, dot)) + 1
    token = text[start:dot].lower()
    # Initials ("J. Biden") and dotted forms ("U.S.", "S.H.") keep the sentence going.
    return (token in _ABBREVIATIONS or len(token) == 1 and token.isalpha()
            or "." in token and bool(_DOTTED.fullmatch(token)))


def split(text: str, lang: str = "id") -> list[tuple[int, int]]:
    """Return (start, end) spans of the sentences in ``text``, trimmed of surrounding whitespace.

    ``lang`` is accepted for symmetry with the other text functions; the rules serve id and en alike.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _CANDIDATE.finditer(text):
        dot = m.start()
        char = text[dot]
        if char == "\n":
            end = dot
        else:
            if char == ".":
                nxt = m.group(1)
                if nxt and (nxt.islower() or nxt.isdigit()) or _is_abbreviation(text, dot):
                    continue
            end = m.end()
        _add(text[start:end], end, spans)
        start = m.end()
    _add(text[start:], len(text), spans)
    return spans


def _add(part: str, end: int, spans: list[tuple[int, int]]) -> None:
    """Append the span of ``part`` (which ends at ``end``) without its surrounding whitespace, if any is left."""
    lead = part.lstrip()  # str.strip drops exactly the characters str.isspace() accepts
    if lead:
        first = end - len(lead)
        spans.append((first, first + len(lead.rstrip())))


class Paragraphs:
    """Sentence spans of ``text``, split one paragraph at a time as positions ask for them.

    A blank line always ends a sentence, so the spans agree with ``split(text)``.
    """

    def __init__(self, text: str, lang: str = "id"):
        self.text, self.lang = text, lang
        self._spans: dict[int, list[tuple[int, int]]] = {}

    def sentence(self, pos: int) -> tuple[int, int]:
        """The (start, end) span of the sentence holding ``pos``, which must not be a space character."""
        text = self.text
        para = text.rfind("\n\n", 0, pos) + 1
        para = para + 1 if para else 0
        spans = self._spans.get(para)
        if spans is None:
            end = text.find("\n\n", pos)
            end = len(text) if end < 0 else end
            local = split(text[para:end], self.lang) or [(0, end - para)]
            spans = self._spans[para] = [(para + s, para + e) for s, e in local]
        return spans[max(bisect_right(spans, (pos, len(text))) - 1, 0)]
