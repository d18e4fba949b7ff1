"""Candidate names the registry lacks: capitalised word runs, filtered by corpus statistics."""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from babel.dates import get_day_names, get_month_names
from slugify import slugify

from warta.entities.matcher import Mention, is_acronym, opens_sentence

WORD = re.compile(r"\w+(?:[-'’]\w+)*")
# A run of capitalised tokens, with lowercase connectors (bin, van, de, of ...) between them.
CONNECTOR_WORDS = frozenset("bin binti ibn van von der den de da dos del du al el of the".split())
CONNECTORS = r"(?:bin|binti|ibn|van|von|der|den|de|da|dos|del|du|al|el|of|of the)"
TOKEN = r"(?:(?:al|el)-)?[^\W\d_a-z]\w*(?:[-'’./]\w+)*"
RUN = re.compile(rf"(?<![\w-]){TOKEN}(?:[ ](?:{CONNECTORS}[ ])*{TOKEN})*")
TOKEN_RE = re.compile(rf"{TOKEN}|\S+")
DATELINE = re.compile(r"[A-Z]+(?:\.[A-Z]+)+")
DIGIT = re.compile(r"\d")  # 'Rp16.200', 'DP4': amounts and codes, not names
DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish)\Z")  # 'Russian', 'Chinese' alone (English)

TITLES = frozenset("""
presiden wapres wakil menteri menlu menhan mendagri ketua umum juru bicara jubir sekretaris sekjen
jenderal direktur dirut kepala gubernur bupati wali komisioner anggota politikus panglima kapolri
kapolda duta besar perdana raja ratu pangeran pemimpin mantan calon capres cawapres wamen hakim
jaksa kanselir letjen mayjen brigjen kolonel pak bu bapak ibu sang saudara haji prof dr ir
president vice prime minister secretary general chairman chairwoman governor mayor spokesman
spokeswoman spokesperson leader former senator chief director king queen prince mr mrs ms sir
keuangan luar negeri pertahanan koordinator foreign finance defence defense deputy
""".split())
BOILERPLATE = frozenset("foto baca juga advertisement berita lainnya sumber photo video lihat simak".split())
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
    """Month and weekday names (wide and abbreviated) in Indonesian and English, lowercased."""
    words = set()
    for locale in ("id", "en"):
        for width in ("wide", "abbreviated"):
            words |= {w.lower() for w in get_month_names(width, locale=locale).values()}
            words |= {w.lower() for w in get_day_names(width, locale=locale).values()}
    return frozenset(words)


@dataclass(frozen=True)
class CorpusStats:
    """How often each word (lowercased) was seen in lowercase, and capitalised mid-sentence."""

    lower: Mapping[str, int] = field(default_factory=dict)
    capital: Mapping[str, int] = field(default_factory=dict)
    runs: Mapping[str, int] = field(default_factory=dict)  # whole capitalised runs, as written
    types: Mapping[str, str] = field(default_factory=dict)  # run -> type its cue words point to most

    @classmethod
    def from_texts(cls, texts: Iterable[tuple[str, str]]) -> "CorpusStats":
        lower, capital, runs, votes = Counter(), Counter(), Counter(), {}
        for text, _lang in texts:
            for run in RUN.finditer(text):
                name = run.group()
                runs[name] += 1
                head, _, rest = name.partition(" ")
                if rest and opens_sentence(text, run.start()):
                    runs[rest] += 1  # 'Menurut Anas Urbaningrum' also counts 'Anas Urbaningrum'
                for cue in _context_cues(text, run.start(), run.end()):
                    votes.setdefault(name, Counter())[cue] += 1
                kind = "organization" if head.lower() in ORG_HEADS else "place" if head.lower() in PLACE_HEADS else ""
                if kind and rest:  # 'Partai Golkar' makes 'Golkar' an organisation
                    votes.setdefault(rest, Counter())[kind] += 1
            for found in WORD.finditer(text):
                word = found.group()
                if word[0].islower():
                    lower[word] += 1
                elif word[0].isupper() and not opens_sentence(text, found.start()):
                    capital[word.lower()] += 1
        return cls(dict(sorted(lower.items())), dict(sorted(capital.items())), dict(sorted(runs.items())),
                   {name: _vote(c) for name, c in sorted(votes.items())})

    def common(self, word: str) -> bool:
        """Seen lowercase at least as often as capitalised mid-sentence: an ordinary word."""
        key = word.lower()
        return self.lower.get(key, 0) > 0 and self.lower.get(key, 0) >= self.capital.get(key, 0)

    def common_words(self) -> frozenset[str]:
        return frozenset(w for w in self.lower if self.common(w))


@dataclass(frozen=True)
class Candidate:
    name: str
    type_guess: str | None
    confidence: float
    count: int
    first_offset: int
    sentence: str
    offsets: tuple[int, ...] = ()


def discover(text: str, lang: str, mentions: Sequence[Mention], stats: CorpusStats,
             threshold: float = 0.5, skip: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """Capitalised names not covered by ``mentions`` nor inside ``skip`` spans (e.g. a title-case
    headline), with a type guessed from cue words; those scoring at least ``threshold``."""
    covered = _merged([(m.start, m.end) for m in mentions] + list(skip))
    starts = [start for start, _ in covered]
    found: dict[str, list] = {}
    for run in RUN.finditer(text):
        i = bisect_right(starts, run.start()) - 1
        if i >= 0 and covered[i][1] >= run.end():
            continue  # the whole run is a registry mention
        for start, end, cue in _pieces(text, lang, run, covered, starts, stats):
            name = text[start:end]
            entry = found.setdefault(name, [[], Counter(), 0])
            entry[0].append(start)
            entry[1].update(cue)
            entry[2] += not opens_sentence(text, start)
    out = []
    for name, (offsets, cues, mid_sentence) in found.items():
        type_guess = _type_of(name, cues, stats)
        words = name.split()
        confidence = 0.5 + 0.2 * (len(words) > 1) + 0.2 * bool(cues) + 0.1 * (len(offsets) > 1)
        if not mid_sentence and not stats.capital.get(words[0].lower()):
            confidence -= 0.3  # only ever seen opening a sentence: maybe an ordinary word
        if len(words) == 1 and is_acronym(name) and len(name) < 3:
            confidence -= 0.2
        confidence = round(max(0.0, min(1.0, confidence)), 2)
        if confidence >= threshold:
            out.append(Candidate(name, type_guess, confidence, len(offsets), offsets[0],
                                 _sentence(text, offsets[0]), tuple(offsets)))
    return sorted(out, key=lambda c: (c.first_offset, c.name))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _covered(covered, starts, start: int, end: int) -> bool:
    i = bisect_right(starts, end - 1) - 1
    return i >= 0 and covered[i][1] > start


def _pieces(text: str, lang: str, run: re.Match, covered, starts, stats: CorpusStats):
    """Split a run into name pieces at registry mentions, titles and other non-name words;
    a title ('Presiden', 'Menteri') before a piece marks it as a person."""
    calendar = calendar_words()
    pieces: list[tuple[list[tuple[int, int]], list[str]]] = [([], [])]
    for found in TOKEN_RE.finditer(run.group()):
        start, end = run.start() + found.start(), run.start() + found.end()
        word = text[start:end]
        low = word.lower()
        if low in TITLES:
            pieces.append(([], ["person"]))
        elif (low in calendar or low in BOILERPLATE or DATELINE.fullmatch(word) or DIGIT.search(word)
              or _covered(covered, starts, start, end)):
            pieces.append(([], []))
        elif word[0].isupper() or word[:3] in ("al-", "el-") or pieces[-1][0]:
            pieces[-1][0].append((start, end))
    for piece, cue in pieces:
        while piece and opens_sentence(text, piece[0][0]) and stats.common(text[piece[0][0]:piece[0][1]]):
            piece = piece[1:]
        for part in _split(text, piece, stats):
            while part and text[part[0][0]:part[0][1]] in CONNECTOR_WORDS:
                part = part[1:]
            while part and text[part[-1][0]:part[-1][1]] in CONNECTOR_WORDS:
                part = part[:-1]
            if not part:
                continue
            start, end = part[0][0], part[-1][1]
            if len(part) == 1 and (stats.common(text[start:end]) or lang == "en" and DEMONYM.match(text[start:end])):
                continue
            yield start, end, cue + _context_cues(text, start, end)
            cue = []


def _split(text: str, piece: list[tuple[int, int]], stats: CorpusStats) -> list[list[tuple[int, int]]]:
    """Cut 'Partai Demokrat Nurhayati Ali' in two when the corpus knows both parts as whole runs
    of their own and has not seen this run more than once."""
    words = [text[s:e] for s, e in piece]
    if len(piece) > 1 and stats.runs.get(" ".join(words), 0) < 2:
        for i in range(len(piece) - 1, 0, -1):
            left, right = stats.runs.get(" ".join(words[:i]), 0), stats.runs.get(" ".join(words[i:]), 0)
            if left and (right or (i > 1 and left > 1)):
                return [piece[:i], piece[i:]]
    return [piece]


def _context_cues(text: str, start: int, end: int) -> list[str]:
    before = text[max(0, start - 30):start].split()
    after = text[end:end + 30].split()
    prev = before[-1].lower().strip("\"“(,") if before and text[start - 1] == " " else ""
    nxt = after[0].lower().strip(",.\"”") if after and end < len(text) and text[end] == " " else ""
    cues = []
    if is_acronym(text[start:end]):  # 'Ketua KPK', 'di DPR': the title or place is the body's
        return ["person"] if prev in SPEECH or nxt in PERSON_AFTER else ["organization"]
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
    if name in stats.types:
        return stats.types[name]
    return "organization" if is_acronym(name) else "person"


def _sentence(text: str, offset: int) -> str:
    start = max(text.rfind(c, 0, offset) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, offset) for c in ".!?\n") if i >= 0]
    return text[start:min(ends) + 1 if ends else len(text)].strip()


def stub(candidate: Candidate) -> str:
    """A registry entry to paste into ``content/entities/*.yml`` and complete."""
    words = candidate.name.split()
    short = [words[-1]] if candidate.type_guess == "person" and len(words) > 1 else []
    q = lambda value: json.dumps(value, ensure_ascii=False)  # JSON strings are YAML scalars
    return (
        f"- id: {slugify(candidate.name)}\n"
        f"  name: {q(candidate.name)}\n"
        f"  type: {candidate.type_guess or ''}  # person | organization | place\n"
        f"  aliases: []\n"
        f"  short: [{', '.join(q(s) for s in short)}]\n"
        f"  description: ''\n"
        f"  wikidata: ''\n"
    )
