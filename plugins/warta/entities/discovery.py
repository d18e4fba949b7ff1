"""Candidate names the registry lacks: capitalised word runs, filtered by corpus statistics."""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from operator import add, attrgetter, gt, itemgetter
from types import MappingProxyType
from zoneinfo import ZoneInfo

from babel.dates import format_datetime, get_day_names, get_month_names

from warta.entities.registry import Registry
from warta.entities.matcher import (
    OPENERS,
    SENTENCE_ENDS,
    Matcher,
    Mention,
    is_acronym,
    opens_sentence,
)

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A run of capitalised tokens, with lowercase connectors (bin, van, de, of ...) between them.
CONNECTOR_WORDS = frozenset("bin binti ibn van von der den de da dos del du al el of the".split())
CONNECTORS = r"(?:bin|binti|ibn|van|von|der|den|de|da|dos|del|du|al|el|of|of the)"
TOKEN = r"(?:(?:al|el)-)?[^\W\d_a-z]\w*(?:[-'’./]\w+)*"
# Same matches as (?<![\w-]){TOKEN}(?:[ ](?:{CONNECTORS}[ ])*{TOKEN})*, but opening with a plain
# character set lets the regex engine skip lowercase letters without trying a match (twice as fast).
RUN = re.compile(rf"[A-Zae\x80-\U0010ffff](?<![\w-].)(?:(?<=[ae])l-[^\W\d_a-z]|(?<=[^\W\d_a-z]))"
                 rf"\w*(?:[-'’./]\w+)*(?:[ ](?:{CONNECTORS}[ ])*{TOKEN})*")
# RUN without 'al-'/'el-' openers (fewer letters to try): the same runs in texts without 'l-', found faster.
CAPITAL_RUN = re.compile(rf"[A-Z\x80-\U0010ffff](?<![\w-].)(?<=[^\W\d_a-z])"
                         rf"\w*(?:[-'’./]\w+)*(?:[ ](?:{CONNECTORS}[ ])*{TOKEN})*")
TOKEN_RE = re.compile(rf"{TOKEN}|\S+")
DATELINE = re.compile(r"[A-Z]+(?:\.[A-Z]+)+")
POSSESSIVE = ("'s", "’s")
DIGIT = re.compile(r"\d")  # 'Rp16.200', 'DP4': amounts and codes, not names
SENTENCE_END = re.compile(r"[.!?\n]")
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ican|ese|ish)s?\Z")  # 'Russian', 'American', 'Chinese' (English)
COMPASS = frozenset("north south east west northern southern eastern western central southeast".split())
# Words that open a sentence (as matcher.opens_sentence sees them): the text's first, and those after a sentence end.
FIRST_WORD = re.compile(rf"[{re.escape(OPENERS)}]*({WORD.pattern})")
OPENING_WORD = re.compile(rf"[{re.escape(SENTENCE_ENDS)}][{re.escape(OPENERS)}]*({WORD.pattern})")

TITLES = frozenset("""
presiden wapres wakil menteri menlu menhan mendagri ketua umum juru bicara jubir sekretaris sekjen
jenderal direktur dirut kepala gubernur bupati wali komisioner anggota politikus panglima kapolri
kapolda duta besar perdana raja ratu pangeran pemimpin mantan calon capres cawapres wamen hakim
jaksa kanselir letjen mayjen brigjen kolonel pak bu bapak ibu sang saudara haji prof dr ir
president vice prime minister secretary general chairman chairwoman governor mayor spokesman
spokeswoman spokesperson leader former senator chief director king queen prince mr mrs ms sir
keuangan luar negeri pertahanan koordinator foreign finance defence defense deputy
adik kakak istri suami putra putri paman bibi sister brother wife husband son daughter uncle aunt
""".split())
BOILERPLATE = frozenset("foto baca juga advertisement berita lainnya sumber photo video lihat simak".split())
# Capitalised common nouns and abbreviations of news text that name no one: laws and their parts,
# elections, summits (KTT), clock and sections ('Article 4').
NON_NAMES = frozenset("""
uu undang-undang nomor no tahun pasal ayat huruf perppu perpres pp permen perda pilpres pilkada pileg pemilu ktt
article section chapter paragraph clause
""".split())
PERSON_BEFORE = frozenset("""
presiden wapres menteri menlu gubernur bupati ketua wakil direktur kepala jubir bicara kata ujar
ucap tutur jelas tambah sapa pak bu bapak ibu sang komisioner politikus pemimpin pemimpinnya
kanselir raja ratu jenderal sekjen president minister secretary spokesman spokeswoman spokesperson
said says told mr mrs ms dr leader chancellor governor mayor senator
""".split())
SPEECH = frozenset("kata ujar ucap tutur jelas tambah sapa said says told".split())
PERSON_AFTER = frozenset("""
mengatakan menyatakan berkata menjelaskan menambahkan mengungkapkan menegaskan menuturkan
mengaku menilai berharap said says told added
""".split())
PLACE_BEFORE = frozenset("""
di ke dari kota wilayah provinsi kabupaten kecamatan desa negara pulau daerah kawasan
in to from at near city province region town village
""".split())
ORG_BEFORE = frozenset("berita agency".split())  # kantor berita X, news agency X
# Nouns heading an apposition right after a name, and the type they give it: 'X, mahasiswa ...', 'Reading, a
# commuter town', 'Acme, a startup' (read by the model of names' typing and by the linker).
APPOSITION = re.compile(r", (?:(?:a|an|the|seorang|sebuah|salah satu) )?([^\W\d_]+)")
APPOSITION_HEADS = {word: kind for kind, words in {
    "person": """mahasiswa mahasiswi siswa pelajar warga pengacara advokat dosen guru petani nelayan pedagang
    karyawan pegawai pengusaha aktivis peneliti penulis wartawan jurnalis dokter perawat atlet penyanyi aktor
    aktris pensiunan pilot sopir pengemudi student lawyer teacher farmer businessman businesswoman activist
    researcher writer journalist reporter doctor nurse athlete singer actor actress driver resident""",
    "organization": """perusahaan klub tim maskapai partai produsen pabrikan emiten lembaga organisasi yayasan
    startup company firm group retailer club team airline party label maker carmaker automaker manufacturer
    producer bank lender insurer broadcaster publisher charity organisation organization foundation""",
    "place": """kota desa kabupaten provinsi kecamatan pulau negara town city village island state province country
    port capital"""}.items()
    for word in words.split()}
ORG_HEADS = frozenset("""
universitas partai bank komisi kementerian badan lembaga dewan majelis mahkamah pt yayasan institut
pengadilan kejaksaan kepolisian polda polres kantor university ministry department council party
commission agency institute court federal
""".split())
ORG_TAILS = frozenset("""
corp corporation inc ltd university agency party institute bank group times news post press council
commission association foundation company co airlines airways tbk ministry organization organisation
union fund
""".split())
PLACE_HEADS = frozenset("""
kota provinsi kabupaten pulau gunung sungai danau selat laut teluk jalan jl kompleks gedung istana
bandara pelabuhan lapangan stadion taman mount lake river gulf sea street square airport palace
""".split())
PLACE_TAILS = frozenset("""
cosmodrome spaceport square street airport island islands province city mountains river sea bay
strait palace port station utara selatan timur barat tengah pusat jauh raya
""".split())


@lru_cache(maxsize=None)
def calendar_words() -> frozenset[str]:
    """Month and weekday names (wide and abbreviated) in Indonesian and English, and Indonesia's
    time-zone abbreviations (WIB, WITA, WIT), lowercased, all from Babel's locale data."""
    words = set()
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            words |= {w.lower() for w in get_month_names(width, locale=locale).values()}
            words |= {w.lower() for w in get_day_names(width, locale=locale).values()}
    for zone in ("Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"):
        words.add(format_datetime(datetime(2024, 1, 1), "z", tzinfo=ZoneInfo(zone), locale="id").lower())
    return frozenset(words)


@dataclass(frozen=True)
class CorpusStats:
    """How often each word (lowercased) was seen in lowercase, and capitalised mid-sentence."""

    lower: Mapping[str, int] = field(default_factory=dict)
    capital: Mapping[str, int] = field(default_factory=dict)
    runs: Mapping[str, int] = field(default_factory=dict)  # whole capitalised runs, as written
    types: Mapping[str, str] = field(default_factory=dict)  # run -> type its cue words point to most
    # Each counted text's runs, found once by from_texts so discover() need not find them again. Never mutated.
    runs_of: Mapping[str, tuple] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_texts(cls, texts: Iterable[tuple[str, str]]) -> "CorpusStats":
        tokens, openers, whole, runs = Counter(), Counter(), Counter(), Counter()
        seen: list[tuple[str, array, list[str]]] = []  # (text, its runs' starts, the runs)
        names: dict[str, str] = {}  # one string per distinct run: less memory, hashes computed once
        for text, _lang in texts:
            tokens.update(text.split())  # words are counted per distinct token, below
            openers.update(OPENING_WORD.findall(text))
            if first := FIRST_WORD.match(text):
                openers[first.group(1)] += 1
            starts, found = _runs(text, names)
            seen.append((text, starts, found))
            whole.update(found)
            for start, name in zip(starts, found):
                if " " in name and opens_sentence(text, start):
                    runs[name.partition(" ")[2]] += 1  # 'Menurut Anas Urbaningrum' also counts 'Anas Urbaningrum'
        runs.update(whole)
        heads: dict[str, Counter] = {}
        for name, count in whole.items():
            head, _, rest = name.partition(" ")
            kind = "organization" if head.lower() in ORG_HEADS else "place" if head.lower() in PLACE_HEADS else ""
            if kind and rest:  # 'Partai Golkar' makes 'Golkar' an organisation
                heads.setdefault(rest, Counter())[kind] += count
        words, lower, capital = Counter(), Counter(), Counter()
        for token, count in tokens.items():
            for word in WORD.findall(token):
                words[word] += count
        for word, count in words.items():
            if word[0].islower():
                lower[word] = count
            elif word[0].isupper() and count > openers[word]:
                capital[word.lower()] += count - openers[word]
        return cls(dict(sorted(lower.items())), dict(sorted(capital.items())), dict(sorted(runs.items())),
                   _Types(seen, heads), MappingProxyType({text: (starts, found) for text, starts, found in seen}))

    # The rules and the model of names read the counts only through case(), seen_runs() and run_type(), whose
    # answers change far less often than the counts: an article's names are kept while their answers hold
    # (warta.entities.corpus_reads).
    def case(self, word: str) -> str:
        """How the corpus writes ``word``: 'unseen', 'onlycap', 'onlylower', 'capmost' or 'lowermost' (capitalised
        counts only mid-sentence; 'lowermost' includes as often as capitalised)."""
        key = word.lower()
        lower, capital = self.lower.get(key, 0), self.capital.get(key, 0)
        if not lower:
            return "onlycap" if capital else "unseen"
        if not capital:
            return "onlylower"
        return "capmost" if capital > lower else "lowermost"

    def common(self, word: str) -> bool:
        """Seen lowercase at least as often as capitalised mid-sentence: an ordinary word."""
        return self.case(word) in ("onlylower", "lowermost")

    def seen_runs(self, name: str) -> int:
        """How often ``name`` is a whole capitalised run in the corpus, counted up to 2 (the rules ask no more)."""
        return min(self.runs.get(name, 0), 2)

    def run_type(self, name: str) -> str | None:
        """The type the corpus's cue words point to most for the run ``name``; None when none does."""
        return self.types.get(name)


class _Types(Mapping):
    """run -> the type cue words around it (and head words: 'Partai X') point to most, over the
    corpus. Counted per run on first use: discover() asks about few runs."""

    def __init__(self, texts: list[tuple[str, array, list[str]]], heads: dict[str, Counter]):
        self._texts, self._heads = texts, heads
        self._where: dict[str, array] | None = None  # run -> (text index, start) pairs, flat
        self._types: dict[str, str | None] = {}

    def _type(self, name: str) -> str | None:
        if name not in self._types:
            if self._where is None:
                self._where = {}
                for i, (_text, starts, found) in enumerate(self._texts):
                    for start, run in zip(starts, found):
                        if (where := self._where.get(run)) is None:
                            where = self._where[run] = array("i")
                        where.append(i)
                        where.append(start)
            votes = Counter()
            where = self._where.get(name, ())
            for i in range(0, len(where), 2):
                start = where[i + 1]
                votes.update(_context_cues(self._texts[where[i]][0], start, start + len(name), _acronym(name)))
            votes.update(self._heads.get(name, ()))
            self._types[name] = _vote(votes) if votes else None
        return self._types[name]

    def __getitem__(self, name: str) -> str:
        if (kind := self._type(name)) is None:
            raise KeyError(name)
        return kind

    def __iter__(self):
        return iter(sorted(name for name in {*self._heads, *(run for *_, found in self._texts for run in found)}
                           if self._type(name)))

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __repr__(self) -> str:
        return repr(dict(self))


@dataclass(frozen=True)
class Candidate:
    name: str
    type_guess: str | None
    confidence: float
    count: int
    first_offset: int
    sentence: str
    offsets: tuple[int, ...] = ()
    aliases: tuple[str, ...] = ()  # acronyms written in brackets after it: 'APBN'


def discover(text: str, lang: str, mentions: Sequence[Mention], stats: CorpusStats,
             threshold: float = 0.5, skip: Sequence[tuple[int, int]] = (),
             known: AbstractSet[str] = frozenset(), memo: dict | None = None,
             others: bool = False, names=None) -> list[Candidate]:
    """Names of ``text`` the registry lacks, from the model of names (``warta.entities.names``),
    those whose confidence is at least ``threshold``. Spans inside ``skip`` (a title-case headline),
    equal to a registry ``mention`` or to a name in ``known`` (the registry's short forms) are not
    new names; a registry mention at the edge of a longer span cuts it ('Korea Utara Kim Jong Un'),
    one strictly inside it does not ('Universitas Indonesia'), nor does a short form ('Kim Jong Il'
    when only Kim Jong Un is registered). Events and documents (type None) only with ``others``.
    ``memo``: a dict the caller keeps across calls with the same ``stats`` (see :func:`rule_discover`);
    ``names``: the text's name spans when already found (``name_spans(text, lang, stats)``)."""
    from warta.entities.names import _whole_name as whole_name
    from warta.entities.names import name_spans

    if isinstance(mentions, Registry):  # a registry instead of its mentions: match it here
        mentions = _matcher(mentions).match(text, lang)
    full = [m for m in mentions if m.via != "short"]
    exact = {(m.start, m.end) for m in mentions}
    found: dict[str, list] = {}
    aliases: dict[str, set[str]] = {}
    for name in name_spans(text, lang, stats, memo=memo) if names is None else names:
        if name.type is None and not others:
            continue
        if (name.start, name.end) in exact or any(s <= name.start and name.end <= e for s, e in skip):
            continue
        for start, end in _outside_mentions(text, name.start, name.end, full):
            surface = text[start:end]
            if surface in known or not surface or (start, end) != (name.start, name.end) and (
                    not whole_name(surface, lang) or " " not in surface and stats.common(surface)):
                continue
            found.setdefault(surface, []).append((start, name.type, name.confidence))
            if name.alias_of and (start, end) == (name.start, name.end):
                aliases.setdefault(text[name.alias_of[0]:name.alias_of[1]], set()).add(surface)
    out = []
    for surface, seen in found.items():
        confidence = round(max(c for _, _, c in seen), 2)
        if confidence < threshold:
            continue
        votes = Counter()
        for _, kind, c in seen:
            votes[kind or ""] += c
        kind = max(sorted(votes), key=votes.__getitem__) or None
        offsets = tuple(o for o, _, _ in seen)
        out.append(Candidate(surface, kind, confidence, len(offsets), offsets[0], _sentence(text, offsets[0]),
                             offsets, tuple(sorted(aliases.get(surface, ())))))
    return sorted(out, key=lambda c: (c.first_offset, c.name))


_MATCHERS: dict[str, Matcher] = {}


def _matcher(registry: Registry) -> Matcher:
    if registry.digest not in _MATCHERS:
        _MATCHERS.clear()
        _MATCHERS[registry.digest] = Matcher(registry)
    return _MATCHERS[registry.digest]


def _outside_mentions(text: str, start: int, end: int, mentions: Sequence[Mention]) -> list[tuple[int, int]]:
    """The span itself, or its pieces between registry mentions when a mention sits at its edge."""
    inside = [m for m in mentions if m.start < end and start < m.end]
    if not inside:
        return [(start, end)]
    if any(m.start <= start and end <= m.end for m in inside):
        return []  # the registry has it
    if all(m.start > start and m.end < end for m in inside):
        return [(start, end)]  # 'Universitas Indonesia': a longer name holding a registered one
    pieces, cursor = [], start
    for m in sorted(inside):
        pieces.append((cursor, max(cursor, m.start)))
        cursor = max(cursor, m.end)
    pieces.append((cursor, end))
    out = []
    for s, e in pieces:
        while s < e and not text[s].isalnum():
            s += 1
        while e > s and not text[e - 1].isalnum():
            e -= 1
        if s < e and text[s].isupper() and _word_kind(text[s:e].split()[0]) != "title":
            out.append((s, e))
    return out


def rule_discover(text: str, lang: str, mentions: Sequence[Mention], stats: CorpusStats,
                  threshold: float = 0.5, skip: Sequence[tuple[int, int]] = (),
                  known: AbstractSet[str] = frozenset(), memo: dict | None = None) -> list[Candidate]:
    """The hand-written rules alone (an input of the model of names): capitalised names not covered by
    ``mentions`` nor inside ``skip`` spans (e.g. a title-case
    headline), with a type guessed from cue words; those scoring at least ``threshold``. Names in
    ``known`` (the registry's short forms, which stay unmatched without a full name before them)
    and English possessives ("Putin's" is "Putin") are not new names. ``memo``: a dict the caller keeps across
    calls with the same ``stats`` (how each run splits into pieces); without one, nothing is shared."""
    spans = list(zip(map(attrgetter("start"), mentions), map(attrgetter("end"), mentions)))
    covered = _merged(spans + list(skip))
    starts = list(map(itemgetter(0), covered))
    exact = set(spans)
    english = lang == "en"
    memo = {} if memo is None else memo
    run_starts, names = stats.runs_of.get(text) or _runs(text)
    found: dict[str, list] = {}
    for run_start, run_end, name in zip(run_starts, map(add, run_starts, map(len, names)), names):
        if (run_start, run_end) in exact:
            continue  # the whole run is a registry mention
        i = bisect_right(starts, run_end - 1) - 1  # the last covered span that may overlap the run
        overlap = ()
        if i >= 0 and covered[i][1] > run_start:
            if covered[i][0] <= run_start and covered[i][1] >= run_end:
                continue  # the whole run is inside registry mentions
            overlap = _overlap(covered, i, run_start, run_end)
        key = (name, english, overlap)
        both = memo.get(key)
        if both is None:  # pieces mid-sentence, and opening a sentence (which drops an ordinary first word)
            mid = _parts(name, False, english, overlap, stats)
            opening = _parts(name, True, english, overlap, stats) if stats.common(TOKEN_RE.match(name)[0]) else mid
            both = memo[key] = (mid, opening)
        if not both[0] and not both[1]:
            continue
        opens = opens_sentence(text, run_start)
        for offset, end, piece, title, acronym in both[opens]:
            if piece.endswith(POSSESSIVE):
                piece, end = piece[:-2], end - 2
            if piece in known or not piece:
                continue
            entry = found.get(piece)
            if entry is None:
                entry = found[piece] = [[], [], 0]
            entry[0].append(run_start + offset)
            entry[1].append((run_start + end, title, acronym))
            entry[2] += offset > 0 or not opens  # inside a run, no piece opens a sentence
    out = []
    for name, (offsets, places, mid_sentence) in found.items():
        words = name.split()
        if _confidence(name, words, True, len(offsets), mid_sentence, stats) < threshold:
            continue  # not even with cue words: skip looking for them
        cues = []
        for start, (end, title, acronym) in zip(offsets, places):
            if title:
                cues.append("person")
            cues += _context_cues(text, start, end, acronym)
        confidence = _confidence(name, words, bool(cues), len(offsets), mid_sentence, stats)
        if confidence >= threshold:
            out.append(Candidate(name, _type_of(name, Counter(cues), stats), confidence, len(offsets), offsets[0],
                                 _sentence(text, offsets[0]), tuple(offsets)))
    return sorted(out, key=lambda c: (c.first_offset, c.name))


def rule_pieces(text: str, lang: str, mentions, stats: CorpusStats | None,
                memo: dict | None = None) -> list[tuple[int, int, str | None, float]]:
    """Every occurrence the hand-written rules take for a name: (start, end, type guess, confidence)."""
    if stats is None:
        stats = CorpusStats.from_texts([(text, lang)])
    return sorted((o, o + len(c.name), c.type_guess, c.confidence)
                  for c in rule_discover(text, lang, mentions, stats, 0.5, memo=memo) for o in c.offsets)


def _confidence(name: str, words: list[str], cued: bool, count: int, mid_sentence: int, stats: CorpusStats) -> float:
    confidence = 0.5 + 0.2 * (len(words) > 1) + 0.2 * cued + 0.1 * (count > 1)
    if not mid_sentence and stats.case(words[0]) in ("unseen", "onlylower"):  # never capitalised mid-sentence
        confidence -= 0.3  # only ever seen opening a sentence: maybe an ordinary word
    if len(words) == 1 and _acronym(name) and len(name) < 3:
        confidence -= 0.2
    return round(max(0.0, min(1.0, confidence)), 2)


def _runs(text: str, names: dict[str, str] | None = None) -> tuple[array, list[str]]:
    """The starts and the capitalised runs of text; runs taken from ``names`` when there."""
    starts, found = array("i"), []
    for run in (RUN if "l-" in text else CAPITAL_RUN).finditer(text):
        starts.append(run.start())
        found.append(run.group() if names is None else names.setdefault(name := run.group(), name))
    return starts, found


_acronym = lru_cache(maxsize=1 << 16)(is_acronym)


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans = sorted(spans)
    if all(map(gt, map(itemgetter(0), spans[1:]), map(itemgetter(1), spans))):
        return spans  # no span reaches the next one (the matcher's mentions)
    out: list[tuple[int, int]] = []
    for start, end in spans:
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _overlap(covered, i: int, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """The covered spans ending at ``i`` that overlap text[start:end], relative to start."""
    out = []
    while i >= 0 and covered[i][1] > start:
        out.append((max(covered[i][0], start) - start, min(covered[i][1], end) - start))
        i -= 1
    return tuple(reversed(out))


@lru_cache(maxsize=1 << 16)
def _word_kind(word: str) -> str:
    """'title' for office words, 'cut' for words no name holds (dates, boilerplate, datelines, digits)."""
    low = word.lower()
    if low in TITLES:
        return "title"
    if (low in calendar_words() or low in BOILERPLATE or low in NON_NAMES or DATELINE.fullmatch(word)
            or DIGIT.search(word)):
        return "cut"
    return ""


def _parts(run: str, opens: bool, english: bool, covered: tuple[tuple[int, int], ...], stats: CorpusStats):
    """Name pieces of a run, as (start, end, name, after a title, acronym) relative to the run: cut
    at titles, non-name words and tokens ``covered`` (relative spans); a title ('Presiden') marks
    the piece after it as a person. ``opens``: the run opens a sentence."""
    pieces: list[tuple[list[tuple[int, int]], bool]] = [([], False)]
    for found in TOKEN_RE.finditer(run):
        start, end = found.span()
        word = found.group()
        kind = _word_kind(word)
        if kind == "title":
            pieces.append(([], True))
        elif kind or any(s < end and start < e for s, e in covered):
            pieces.append(([], False))
        elif word[0].isupper() or word[:3] in ("al-", "el-") or pieces[-1][0]:
            pieces[-1][0].append((start, end))
    out = []
    for piece, title in pieces:
        while piece and opens and piece[0][0] == 0 and stats.common(run[:piece[0][1]]):
            piece = piece[1:]
        for part in _split(run, piece, stats):
            while part and run[part[0][0]:part[0][1]] in CONNECTOR_WORDS:
                part = part[1:]
            while part and run[part[-1][0]:part[-1][1]] in CONNECTOR_WORDS:
                part = part[:-1]
            if not part:
                continue
            start, end = part[0][0], part[-1][1]
            name = run[start:end]
            if len(part) == 1 and (stats.common(name) or english and DEMONYM.match(name)):
                continue
            if english and len(part) == 2 and name.split()[0].lower() in COMPASS and DEMONYM.match(name.split()[1]):
                continue  # 'North Korean leader', 'South African officials': adjectives, not names
            out.append((start, end, name, title, is_acronym(name)))
            title = False
    return tuple(out)


def _split(text: str, piece: list[tuple[int, int]], stats: CorpusStats) -> list[list[tuple[int, int]]]:
    """Cut 'Partai Demokrat Nurhayati Ali' in two when the corpus knows both parts as whole runs
    of their own and has not seen this run more than once."""
    words = [text[s:e] for s, e in piece]
    if len(piece) > 1 and stats.seen_runs(" ".join(words)) < 2:
        for i in range(len(piece) - 1, 0, -1):
            left, right = stats.seen_runs(" ".join(words[:i])), stats.seen_runs(" ".join(words[i:]))
            if left and (right or (i > 1 and left > 1)):
                return [piece[:i], piece[i:]]
    return [piece]


def _context_cues(text: str, start: int, end: int, acronym: bool) -> list[str]:
    """Types the words around text[start:end] point to ('Presiden X', 'X mengatakan', 'di X')."""
    prev = nxt = ""
    if start and text[start - 1] == " ":
        before = text[start - 30 if start > 30 else 0:start].rsplit(None, 1)
        if before:
            prev = before[-1].lower().strip("\"“(,")
    following = text[end:end + 1]
    after = text[end:end + 30].split(None, 2) if following == " " or following == "," or following.isspace() else ()
    if following == " " and after:
        nxt = after[0].lower().strip(",.\"”")
    if acronym:  # 'Ketua KPK', 'di DPR': the title or place is the body's
        return ["person"] if prev in SPEECH or nxt in PERSON_AFTER else ["organization"]
    cues = []
    if prev in PERSON_BEFORE or nxt in PERSON_AFTER:
        cues.append("person")
    if prev in ORG_BEFORE:
        cues.append("organization")
    if prev in PLACE_BEFORE or (len(after) > 1 and after[0] == "," and after[1].lower() in calendar_words()):
        cues.append("place")  # 'di X', or a dateline 'X, Senin (...)'
    return cues


def _vote(cues: Counter) -> str:
    return max(sorted(cues), key=lambda k: cues[k])


def _type_of(name: str, cues: Counter, stats: CorpusStats) -> str | None:
    words = name.lower().split()
    if words[0] in ORG_HEADS or words[-1] in ORG_TAILS:
        return "organization"
    if words[0] in PLACE_HEADS or words[-1] in PLACE_TAILS:
        return "place"
    if cues:
        return _vote(cues)
    return stats.run_type(name) or ("organization" if is_acronym(name) else "person")


def _sentence(text: str, offset: int) -> str:
    paragraph = text.rfind("\n", 0, offset)  # bounds the backward search for a sentence end
    start = max(paragraph, *(text.rfind(c, paragraph + 1, offset) for c in ".!?")) + 1
    end = SENTENCE_END.search(text, offset)
    return text[start:end.start() + 1 if end else len(text)].strip()
