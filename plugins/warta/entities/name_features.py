"""Tokens of a text and the features the model of names reads for each (pure; training and tagging share it).

Features are language-neutral where they can be (shape, case, affixes, word classes shared by Indonesian
and English cue words, Babel's country names, corpus statistics), so that what the model learns on
Indonesian news carries over to English; the lowercased word itself is a feature too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from babel import Locale

from warta.entities import discovery as rules

# Words (with inner hyphens, dots, apostrophes: 'al-Assad', 'O'Brien'), an English possessive apart, any other mark.
TOKEN = re.compile(r"\w+(?:[-.]\w+)*(?:['’](?![sS]\b)\w+)*|['’][sS]\b|\S")
SENTENCE_END = frozenset(".!?")
OPENERS = frozenset("\"'“‘«([*-–—:")

# Word classes: cue words of both languages share a class, so the model's weights on them carry over.
CLASSES = {
    "title": rules.TITLES,
    "calendar": None,  # filled from Babel on first use
    "boiler": rules.BOILERPLATE,
    "nonname": rules.NON_NAMES | frozenset("ktt konferensi summit forum treaty perjanjian act undang kuhp".split()),
    "orghead": rules.ORG_HEADS,
    "orgtail": rules.ORG_TAILS,
    "placehead": rules.PLACE_HEADS,
    "placetail": rules.PLACE_TAILS,
    "placeprep": frozenset("di ke dari in to from at near".split()),
    "speech": rules.SPEECH | rules.PERSON_AFTER,
    "connector": rules.CONNECTOR_WORDS | frozenset(["dan", "and", "&"]),
    "personcue": frozenset("pak bu bapak ibu sang mr mrs ms dr".split()),
}


@lru_cache(maxsize=1)
def word_classes() -> dict[str, tuple[str, ...]]:
    """lowercased word -> its classes, sorted."""
    table: dict[str, set[str]] = {}
    for name, words in CLASSES.items():
        for word in words if words is not None else rules.calendar_words():
            table.setdefault(word, set()).add(name)
    return {word: tuple(sorted(names)) for word, names in table.items()}


@lru_cache(maxsize=1)
def country_words() -> frozenset[str]:
    """Words of territory names in Indonesian and English (Babel): a small gazetteer of places."""
    words = set()
    for locale in ("id", "en"):
        for name in Locale(locale).territories.values():
            words.update(w.lower() for w in re.findall(r"\w+", name) if w[:1].isupper())
    return frozenset(words)


def tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in TOKEN.finditer(text)]


@lru_cache(maxsize=1 << 16)
def shape(word: str) -> str:
    """'Xx' for 'Jakarta', 'X' for 'KPK', 'x' for 'kata', 'd' for '2024', 'X.X' for 'U.S': runs collapsed."""
    out = []
    for char in word:
        kind = "X" if char.isupper() else "x" if char.islower() else "d" if char.isdigit() else char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out)[:6]


@lru_cache(maxsize=1 << 16)
def _word_features(word: str) -> tuple[str, ...]:
    low = word.lower()
    out = [f"shape={shape(word)}", f"w={low}", f"p2={low[:2]}", f"p3={low[:3]}", f"s2={low[-2:]}", f"s3={low[-3:]}"]
    if word[:1].isupper():
        out.append("cap")
    if len(word) > 1 and word.isupper():
        out.append("allcaps")
    if len(word) == 1:
        out.append("single")
    out += [f"class={name}" for name in word_classes().get(low, ())]
    if low in country_words() and word[:1].isupper():
        out.append("country")
    if rules.DEMONYM.match(word):
        out.append("demonym")
    return tuple(out)


@lru_cache(maxsize=1 << 17)
def _near(word: str, offset: int, lexical: bool) -> tuple[str, ...]:
    """What a neighbour at ``offset`` contributes: its shape, word (next to the token, when ``lexical``),
    classes, and whether it is capitalised (next to the token)."""
    low = word.lower()
    out = [f"{offset}:shape={shape(word)}"]
    if lexical and abs(offset) == 1:
        out.append(f"{offset}:w={low}")
    out += [f"{offset}:class={n}" for n in word_classes().get(low, ())]
    return tuple(out)


@lru_cache(maxsize=64)
def _prefixed(offset: int, marks: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(f"{offset}:{m}" for m in marks)


def _stat_features(word: str, stats) -> list[str]:
    """Corpus statistics: is the word seen lowercase, capitalised mid-sentence, both?"""
    if stats is None or not word[:1].isupper():
        return []
    return [f"stat={stats.case(word)}"]


def rule_marks(text: str, spans: list[tuple[int, int]], pieces) -> list[tuple[str, ...]]:
    """What the hand-written rules (discovery.rule_pieces) say of each token: inside a name piece
    (B/I) and the type they guess."""
    marks: list[tuple[str, ...]] = [()] * len(spans)
    starts = {s: i for i, (s, _) in enumerate(spans)}
    ends = {e: i for i, (_, e) in enumerate(spans)}
    for start, end, kind, *_ in pieces:
        if start in starts and end in ends:
            first, last = starts[start], ends[end]
            for i in range(first, last + 1):
                marks[i] = ("rule=B" if i == first else "rule=I", f"ruletype={kind}")
    return marks


def features(text: str, spans: list[tuple[int, int]], stats=None, pieces=(), lexical: bool = True) -> list[list[str]]:
    """One feature list per token span of ``text``; ``pieces``: the rules' names (start, end, type);
    ``lexical`` False leaves out the words themselves and their affixes (training for unseen words)."""
    words = [text[s:e] for s, e in spans]
    marks = rule_marks(text, spans, pieces)
    size = len(words)
    opens = []
    for i, word in enumerate(words):
        j = i - 1
        while j >= 0 and words[j] in OPENERS:
            j -= 1
        opens.append(j < 0 or words[j] in SENTENCE_END or "\n" in text[spans[j][1]:spans[i][0]])
    own = [_word_features(w) if lexical else _word_features(w)[:1] + _word_features(w)[6:] for w in words]
    capital = [w[:1].isupper() for w in words]
    out = []
    for i, word in enumerate(words):
        row = ["bias", *own[i], *_stat_features(word, stats), *marks[i]]
        if opens[i]:
            row.append("opens")
        for offset in (-2, -1, 1, 2):
            j = i + offset
            if 0 <= j < size:
                row += _near(words[j], offset, lexical)
                if marks[j]:
                    row += _prefixed(offset, marks[j])
                if capital[j] and abs(offset) == 1:
                    row.append(f"{offset}:cap")
            else:
                row.append(f"{offset}:edge")
        if i and spans[i][0] == spans[i - 1][1]:
            row.append("glued-left")  # no space before: 'Rusia-Korut', '(KPK'
        out.append(row)
    return out
