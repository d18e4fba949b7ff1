"""Proper-name spans of a text, registered or not (pure): the model of names, then a few exact rules.

``name_spans(text, lang)`` is what discovery and mention linking share: "Presiden Rusia Vladimir Putin"
gives Rusia and Vladimir Putin (titles are not part of names); "Anggaran Pendapatan dan Belanja Negara
(APBN)" gives the expansion and its acronym, the second marked as its alias; event and document names
("Konferensi Tingkat Tinggi ASEAN", "Paris Agreement") come back with type ``None``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick
from babel import Locale

from warta.entities.discovery import COMPASS, DEMONYM
from warta.entities.name_features import word_classes
from warta.entities.name_model import MODEL, tag_spans

WORD = re.compile(r"\S+")
_DIGIT = re.compile(r"\d")
# Heads and tails of names that are events or documents, not people, organisations or places.
EVENT_HEADS = frozenset("""
ktt konferensi forum perjanjian kesepakatan konvensi deklarasi traktat piagam undang-undang uu peraturan
anggaran festival pekan piala olimpiade kongres muktamar rapat sidang operasi program
summit conference treaty convention declaration charter act bill festival cup games olympics
""".split())
EVENT_TAILS = frozenset("""
summit forum conference treaty agreement convention declaration accord accords charter act partnership
festival cup games olympics award awards prize protocol pact initiative
""".split())
EVENT_AFTER = frozenset("summit forum conference talks meeting ktt forum".split())  # 'the APEC forum'
COUNTRY_CONFIDENCE = 0.5
RULES_WEIGHT = 0.5  # rules alone are right about half as often as the model (held-out set)
DETERMINERS = frozenset("the a an".split())
CONNECTORS = frozenset("bin binti ibn van von der den de da dos del du al el of the dan and & untuk for".split())
# Words that complete an office after a title word: 'Menteri Sekretaris Negara', 'Menteri Pekerjaan Umum
# dan Perumahan Rakyat' (Indonesian portfolios), 'Secretary of State'.
TITLE_OBJECTS = frozenset("""
negara dalam negeri luar agama kesehatan pendidikan kebudayaan riset teknologi pendidikan tinggi sains
perhubungan perdagangan pertanian sosial hukum ham politik keamanan perekonomian kabinet bumn investasi
pariwisata ekonomi kreatif pekerjaan umum perumahan rakyat kelautan perikanan kehutanan lingkungan hidup
energi sumber daya mineral ketenagakerjaan perindustrian koperasi ukm komunikasi informatika digital
pemuda olahraga desa pembangunan daerah tertinggal transmigrasi agraria tata ruang pemberdayaan perempuan
perlindungan anak aparatur pendayagunaan reformasi birokrasi perencanaan nasional bappenas dan
staf gabungan state affairs justice interior trade health education general staff of and
""".split())


@dataclass(frozen=True, order=True, slots=True)
class Name:
    start: int
    end: int
    type: str | None  # person | organization | place; None: an event or a document
    confidence: float
    alias_of: tuple[int, int] | None = None  # an acronym in brackets: the span it abbreviates

    def __reduce__(self):  # back from the forked workers by the thousand: 2.3 us each against 3.8 us by default
        return Name, (self.start, self.end, self.type, self.confidence, self.alias_of)


def name_spans(text: str, lang: str, stats=None, mentions=(), model=MODEL, memo: dict | None = None) -> list[Name]:
    """All proper-name spans of ``text`` in order, not overlapping. ``stats`` (CorpusStats) and
    registry ``mentions`` sharpen the model's input; they do not remove anything. ``memo``: see rule_discover."""
    from warta.entities.discovery import CorpusStats, rule_pieces

    if stats is None:
        stats = CorpusStats.from_texts([(text, lang)])  # as in training: statistics are always there
    pieces = rule_pieces(text, lang, mentions, stats, memo)
    found = [Name(s.start, s.end, s.type, s.confidence) for s in tag_spans(text, lang, stats, mentions, model, pieces)]
    out: list[Name] = []
    for span, (piece_start, piece_end) in [(n, p) for n in found + _rules_only(pieces, found)
                                           for p in _lowercase_apart(text, n.start, n.end)]:
        start, end = _trimmed(text, piece_start, piece_end)
        if start >= end or not _whole_name(text[start:end], lang) or (
                " " not in text[start:end] and stats.common(text[start:end])):
            continue
        for name in _bracketed(text, start, end, span.type, span.confidence):
            for part in _corpus_split(text, name, stats):
                out += _country_apart(text, _acronym_apart(text, [part]))
    out = _expansions(text, out)
    out += _country_spans(text, out)
    typed = {(n.start, n.end): _typed(text, n) for n in out}
    return sorted(n if n.alias_of not in typed else Name(n.start, n.end, typed[n.alias_of].type, n.confidence,
                                                         n.alias_of) for n in typed.values())


def _lowercase_apart(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Pieces of a span between lowercase words that are not connectors ('Russian news agency',
    'Wednesday's election show Defence Minister'): names do not run over ordinary words."""
    pieces, current = [], []
    for word in WORD.finditer(text, start, end):
        token = word.group()
        low = token.lower().strip("\"“”'(),")
        if token[:1].islower() and low not in CONNECTORS and not token.startswith(("al-", "el-")) \
                and token == low:
            if current:
                pieces.append((current[0], current[-1]))
            current = []
        else:
            current.append(word.span()) if not current else current.append(word.span())
    if current:
        pieces.append((current[0], current[-1]))
    return [(first[0], last[1]) for first, last in pieces]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading titles ('President'), determiners and lowercase words, and trailing lowercase
    words and marks ('gedung Mahkamah Konstitusi' -> 'Mahkamah Konstitusi')."""
    words = [m.span() for m in WORD.finditer(text, start, end)]
    classes = word_classes()
    before = text[max(0, start - 40):start].split()
    after_title = bool(before) and ("title" in classes.get(before[-1].lower(), ()) or before[-1].lower() in TITLE_OBJECTS)
    while words:
        word = text[words[0][0]:words[0][1]]
        low = word.lower()
        following = text[words[1][0]:words[1][1]].lower() if len(words) > 1 else ""
        if ("title" in classes.get(low, ()) and (low, following) != ("ibu", "kota")  # 'Ibu Kota': capital city
                or after_title and low in TITLE_OBJECTS):
            after_title = True  # an office, not a name: 'Menteri Pekerjaan Umum', 'Sekretaris Negara'
        elif len(words) == 1 or low not in DETERMINERS and _name_word(word):
            break
        words = words[1:]
    while words and not _name_word(text[words[-1][0]:words[-1][1]]):
        words = words[:-1]
    if not words or not _name_word(text[words[0][0]:words[0][1]]):
        return start, start
    start, end = words[0][0], words[-1][1]
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if text[end - 2:end] in ("'s", "’s"):  # 'Kim's'
        end -= 2
    return start, end


def _whole_name(name: str, lang: str) -> bool:
    """Not a lone determiner, title, head word, law or calendar word ('The', 'Presiden', 'Jalan',
    'Nomor', 'Senin'), nor (in English) a demonym ('Russian', 'North Korean') or an office named by one
    ('Russian President', 'Indonesian Foreign Minister')."""
    words = name.split()
    if lang == "en" and len(words) <= 2 and DEMONYM.match(words[-1]):
        return False
    if lang == "en" and any(map(DEMONYM.match, words)) and all(
            DEMONYM.match(w) or w.lower() in COMPASS or "title" in word_classes().get(w.lower(), ()) for w in words):
        return False
    if len(words) > 1:
        return True
    low = name.lower()
    classes = word_classes().get(low, ())
    return low not in DETERMINERS and not {"title", "nonname", "calendar", "boiler", "orghead", "placehead"} & set(classes)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """Country names in Indonesian and English (Babel, two-letter territories), lowercased -> as written."""
    out = {}
    for locale in ("id", "en"):
        for code, name in Locale(locale).territories.items():
            if len(code) == 2 and code.isalpha() and "(" not in name:
                out[name.lower()] = name
    return out


def _country_apart(text: str, names: list[Name]) -> list[Name]:
    """'Rusia Vladimir Putin' (after 'Presiden'): a person's name never opens with a country."""
    out = []
    known = countries()
    for name in names:
        words = list(WORD.finditer(text, name.start, name.end))
        cut = None
        if name.type == "person" and len(words) > 1:
            for n in range(len(words) - 1, 0, -1):
                if text[name.start:words[n - 1].end()].lower() in known:
                    cut = n
                    break
        if cut is None:
            out.append(name)
        else:
            out += [Name(name.start, words[cut - 1].end(), "place", name.confidence),
                    Name(words[cut].start(), name.end, "person", name.confidence)]
    return out


def _name_word(word: str) -> bool:
    """Can end a name: capitalised ('Leyen', 'al-Assad'), without digits ('DP4', '2024' cannot)."""
    word = word.rstrip(".,;:!?\"”')")
    return bool(word) and (word[0].isupper() or word[:3] in ("al-", "el-")) and not _DIGIT.search(word)


def _corpus_split(text: str, name: Name, stats) -> list[Name]:
    """'Partai Gerindra Suhardi' -> 'Partai Gerindra' + 'Suhardi' when the corpus knows the first part as a
    name of its own and the rest too (discovery's rule, on the model's spans of organisations)."""
    from warta.entities.discovery import _split

    words = [m.span() for m in WORD.finditer(text, name.start, name.end)]
    if name.type != "organization" or len(words) < 3:
        return [name]
    parts = _split(text, words, stats)
    if len(parts) == 1:
        return [name]
    left, right = parts
    rest = text[right[0][0]:right[-1][1]]
    return [Name(left[0][0], left[-1][1], "organization", name.confidence),
            Name(right[0][0], right[-1][1], stats.run_type(rest) or "person", name.confidence)]


def _bracketed(text: str, start: int, end: int, kind: str, confidence: float) -> list[Name]:
    """Split 'Komisi Pemberantasan Korupsi (KPK' into the expansion and its acronym."""
    cut = text.find("(", start, end)
    if cut < 0:
        return [Name(start, end, kind, confidence)]
    head_end = cut
    while head_end > start and text[head_end - 1] == " ":
        head_end -= 1
    inner = cut + 1
    out = []
    if head_end > start:
        out.append(Name(start, head_end, kind, confidence))
    if inner < end and text[inner:end].strip():
        out.append(Name(inner, end, kind, confidence, (start, head_end) if head_end > start else None))
    return out


def _acronym_apart(text: str, names: list[Name]) -> list[Name]:
    """'MKMK Jimly Asshiddiqie': an acronym opening a person's name is the body they lead, not the name."""
    out = []
    for name in names:
        first = WORD.match(text, name.start)
        rest = WORD.search(text, first.end(), name.end) if first else None
        if (name.type == "person" and rest and len(first.group()) > 1
                and first.group().isupper() and first.group().isalpha()):
            out += [Name(name.start, first.end(), "organization", name.confidence)]
            if _whole_name(text[rest.start():name.end], "id"):  # not a lone title: 'ASEAN  Presiden'
                out.append(Name(rest.start(), name.end, "person", name.confidence))
        else:
            out.append(name)
    return out


ACRONYM_IN_BRACKETS = re.compile(r" \(([A-Z][A-Za-z]{1,9})\)")


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[:1].isupper())


def _expansions(text: str, names: list[Name]) -> list[Name]:
    """'Anggaran Pendapatan dan Belanja Negara (APBN)': when the capitalised words before a
    bracketed acronym spell it, they are one name (swallowing the model's pieces of it) and the
    acronym is its alias."""
    out = list(names)
    for found in ACRONYM_IN_BRACKETS.finditer(text):
        acronym = found.group(1)
        capitals = [c for c in acronym if c.isupper()]
        words = list(WORD.finditer(text, max(0, found.start() - 200), found.start()))
        chosen = None
        for i in range(len(words) - 1, -1, -1):
            piece = [w.group() for w in words[i:]]
            if not piece[0][:1].isupper():
                continue
            if _initials(piece) == "".join(capitals):
                chosen = words[i].start()
                break
            if len(_initials(piece)) > len(capitals):
                break
        if chosen is None:
            continue
        head = (chosen, found.start())
        inner = (found.start(1), found.end(1))
        inside = [n for n in out if head[0] <= n.start < head[1] or inner[0] <= n.start < inner[1]
                  or n.start < head[0] < n.end]
        kind = _vote([n for n in inside if n.start < head[1]])
        confidence = max((n.confidence for n in inside), default=0.5)
        out = [n for n in out if n not in inside]
        out.append(Name(*head, kind, confidence))
        out.append(Name(*inner, kind, confidence, head))
    return out


def _vote(names: list[Name]) -> str | None:
    """The type covering most characters among the model's pieces; None when there are none."""
    weight: dict[str, int] = {}
    for n in names:
        if n.type:
            weight[n.type] = weight.get(n.type, 0) + n.end - n.start
    return max(sorted(weight), key=weight.get) if weight else None


def _country_spans(text: str, names: list[Name]) -> list[Name]:
    """Country names (Babel) the model left untagged, at COUNTRY_CONFIDENCE: spans for mention linking
    ('Presiden Rusia Vladimir Putin'), below the default threshold (countries live in the registry)."""
    hits = []
    for last, length in _country_automaton().iter(text):
        start, end = last + 1 - length, last + 1
        if not (start and text[start - 1].isalnum() or end < len(text) and text[end].isalnum()):
            hits.append((start, -end))
    taken = sorted((n.start, n.end) for n in names)
    out, reach = [], 0
    for start, negative_end in sorted(hits):  # leftmost-longest
        end = -negative_end
        if start < reach:
            continue
        reach = end
        if _overlaps(taken, start, end):
            continue  # inside or across a name already found
        out.append(Name(start, end, "place", COUNTRY_CONFIDENCE))
    return out


@lru_cache(maxsize=1)
def _country_automaton():
    automaton = ahocorasick.Automaton()
    for name in sorted(set(countries().values())):
        automaton.add_word(name, len(name))
    automaton.make_automaton()
    return automaton


def _rules_only(pieces, names: list[Name]) -> list[Name]:
    """Names only the hand-written rules see, at half their confidence: for the review list, not for readers."""
    taken = sorted((n.start, n.end) for n in names)
    return [Name(start, end, kind, round(confidence * RULES_WEIGHT, 3)) for start, end, kind, confidence in pieces
            if not _overlaps(taken, start, end)]


def _overlaps(taken: list[tuple[int, int]], start: int, end: int) -> bool:
    """Does text[start:end] overlap a span of ``taken`` (sorted, hardly overlapping each other)?"""
    before = bisect_left(taken, (end, -1))  # spans starting before ``end``
    return any(e > start for _, e in taken[max(0, before - 4):before])


def _typed(text: str, name: Name) -> Name:
    """Head and tail words decide over the model (events and documents, 'Universitas X', 'X Cosmodrome'), then the
    head of an apposition ('X, mahasiswa ...')."""
    from warta.entities.discovery import APPOSITION, APPOSITION_HEADS, ORG_HEADS, ORG_TAILS, PLACE_HEADS, PLACE_TAILS

    words = text[name.start:name.end].lower().split()
    following = text[name.end:name.end + 20].split()
    kind = name.type
    if words[0] in EVENT_HEADS or words[-1] in EVENT_TAILS or (following and following[0].lower() in EVENT_AFTER
                                                                and not name.alias_of):
        kind = None
    elif words[0] in ORG_HEADS or words[-1] in ORG_TAILS:
        kind = "organization"
    elif words[0] in PLACE_HEADS or words[-1] in PLACE_TAILS:
        kind = "place"
    elif text.startswith(",", name.end) and (head := APPOSITION.match(text, name.end)) and (
            head.group(1).lower() in APPOSITION_HEADS):  # 'Almas Tsaqibbirru, mahasiswa ...', 'Acme, a startup'
        kind = APPOSITION_HEADS[head.group(1).lower()]
    elif kind == "person" and text[max(0, name.start - 4):name.start].lower() == "the ":
        kind = "organization"  # 'the Red Cross', 'the Kremlin': English names no person with 'the'
    return name if kind == name.type else Name(name.start, name.end, kind, name.confidence, name.alias_of)
