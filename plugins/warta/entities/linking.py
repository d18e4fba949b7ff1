"""Decide what each registry match of one article names (pure), as an editor reads it:

- a match strictly inside a longer proper name that the registry lacks is no mention ('Jordan' in 'Jordan
  Henderson', 'Jakarta' in 'Kejaksaan Negeri Jakarta Barat'), nor a place opening one the model of names
  missed ('US Senate', 'Georgia Tech'); an organisation right before a place ('Mahkamah Agung Amerika
  Serikat') is that place's when the registry tells the organisation's home and it is elsewhere (:func:`homes`);
- a one-word form opening a sentence that is an ordinary word (``warta.entities.lexicon``) is a mention only
  where what follows reads as a name's (a verb, a mark: 'Antara melaporkan', not 'Antara lain'), or
  when its entry says ``always_name``;
- a form of several entries goes, at each occurrence, to the front-matter's choice, to the one type the words
  at the occurrence give it (:func:`type_said`: 'kota Santos', 'Jackson, the newest justice'), to the place a
  place right after it says ('Cambridge, England'), to the one kind of organisation the word before it names
  ('pelatih Semen Padang'), to the one its sentence (:func:`local_best`) points to by a clear margin, else to the
  one the sentence before names when its own names none ('Komisi Pemilihan Umum ... KPU menyebut'), to a full
  name near it (a short form of entries named in full) or else the one the article (:func:`score`) points to by a
  clear margin, on a tie to the one
  the article named last, or to none: it then stays ``Ambiguous``, with its candidates, for the review report.

In a headline with every word capitalised (``skip``) the model of names cannot tell names apart, so neither
of the first two rules applies there, but for a place beside a point of the compass ('Indonesia Timur').

Names come from ``warta.entities.names.name_spans`` (titles are never part of a name, so 'Presiden Rusia
Vladimir Putin' still names Russia and Putin)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from operator import attrgetter

from warta.entities.discovery import APPOSITION_HEADS, ORG_HEADS, TITLES, calendar_words
from warta.entities.matcher import Mention, is_acronym, opens_sentence
from warta.entities.names import countries
from warta.entities.registry import Registry

MARGIN = 1.0  # the winner's score must reach this and beat the runner-up's by as much
# Evidence for a candidate of a shared form. In the article: named there by a form of its own, its context
# entries named, its cue words, the form is its name in the article's language, the site's prior. In the
# occurrence's sentence: it or a context entry named, a cue word, the model of names reads that occurrence
# as its type (person, organization, place).
NAMED, CO_MENTION, CUE, LANGUAGE, PRIOR = 2.0, 1.5, 1.0, 0.5, 0.5
NAMED_LATER = 1.0  # named only after the occurrence: a short form points back to a name more than ahead
# The form is this candidate's own name or alias, and the others hold it only as a short form while the article
# says nothing for them (no name, context, cue, nor an occurrence already theirs; their prior aside): a short
# form points back to its full name ('Jackson' with no 'Ketanji Brown Jackson' is the city).
OWN_NAME = 1.0
# Where only the article's ranking decides, a candidate must have been used (named by a form of its own or chosen
# for the shared form) this many times as often as any other already used, or the occurrence is left for review.
DOMINANCE = 2
MAX_CO_MENTIONS, MAX_CUES = 2, 2
NEAR, NEAR_CUE, TYPE, APPOSITION = 2.0, 2.0, 2.0, 3.0  # apposition: 'Cambridge, Massachusetts', 'Santos, Brasil'
# A region's government makes no longer name: 'Pemprov DKI Jakarta', 'Pemerintah Provinsi Jawa Tengah', 'Pemerintah
# Kota Surabaya' name the region ('Kota' and 'Kabupaten' only after 'Pemerintah': 'Warga Kota Jakarta ...' is a name).
# Not in discovery.TITLES: those are features the model of names was trained with.
GOVERNMENT = frozenset("pemerintah pemprov pemkot pemkab pemda provinsi".split())
LOCAL = frozenset(("kota", "kabupaten"))
VENUES = frozenset("Arena Stadium Tower Towers Centre Center Building Plaza Hall Dome Park Field Ballpark".split())
# An organisation's units name the organisation after them: 'Humas BNPB', 'Divisi Humas Polri', 'Biro Hukum KPK'
# (not 'pusat': 'Jakarta Pusat' is a region).
UNITS = frozenset("humas biro divisi direktorat ditjen bidang bagian sekretariat deputi kanwil satgas".split())
TYPE_CONFIDENCE = 0.6  # below this the model's type for one word is often wrong (a club read as its city)
DOUBT_CONFIDENCE = 0.55  # from this, a type that contradicts the article's choice leaves the occurrence unlinked
# (the model's, not the rules' alone: those give at most 0.5, and read a one-word club as its city)
# What follows a name opening a sentence, unlike an ordinary word ('Antara melaporkan', 'Nice had struggled',
# 'Reading, a commuter town'; not 'Antara lain', 'Antara Demak dan Kudus', 'Reading the statement'): a mark,
# an Indonesian verb (prefixed: me-, ber-, di-, ter-), a word that follows a sentence's subject (auxiliaries,
# a few adverbs and common verbs without a prefix, English past tenses), or 'and' and another name ('Kim dan
# Putin'); an Indonesian adverb in -nya between them is passed over ('Madura sebenarnya tampil').
VERB_PREFIX = re.compile(r"(?:me|be[rl]?|di|te[rl]?)[a-z]{3,}\Z")
# Frequent Indonesian adjectives and nouns that look prefixed: 'Jago merah melalap ...' (fire) is no bank's name.
NO_VERBS = frozenset("""
merah besar benar berat bebas berani bersih dingin tenang terang tebal tegas mewah mental merdeka meriah medis
digital media mesin menit meter teknologi tempat teman benda tenaga bentuk berita bencana dinding telepon tekanan
terbaik terbesar terbaru tertinggi tertua""".split())
BASE_VERBS = frozenset("hadir jadi buka tutup bayar beli jual main pulang lanjut mulai bangun lapor minta".split())
AFTER_SUBJECT = frozenset("""
adalah ialah juga akan sudah telah tidak tak harus masih pun kini sempat terus belum bisa dapat sedang tengah
kembali selanjutnya lalu kemudian mampu wajib perlu segera langsung tampil tiba pergi datang masuk keluar naik
turun kalah menang ikut tetap punya sebelumnya sendiri justru bahkan memang baru lagi pula kerap sering
selalu jarang
said says told added announced reported has had have is was were are will would could can may might must
should did does do won lost beat signed also still now then never already again""".split())
# English verbs whose past tense does not end in -ed, which a subject opening a sentence is often followed by.
IRREGULAR_PAST = frozenset("""
became began bought brought built came caught chose cut dealt drew drove fell felt fought found flew forgot
gave got grew heard held hit hurt kept knew laid led left lent let lost made meant met paid put quit ran rose
saw sent set shook shut sold sought spent split spoke spread stood stole struck swept swore took taught tore
told thought threw understood went withdrew wrote""".split())
# English verbs in the present tense, as a subject opening a sentence or a headline is often followed by: rarely
# nouns after an ordinary word ('Labour wins landslide'; a plural noun, 'Apple growers', is no verb of these).
PRESENT_VERBS = frozenset("""
wins wants plans faces vows warns urges seeks claims denies rejects agrees announces promises pledges launches
leads takes makes gets loses beats signs tells asks expects hopes needs fears admits insists argues confirms
secures suffers joins appoints sacks fires buys sells opens closes cuts raises keeps goes comes becomes
remains""".split())
# A word less frequent than this (wordfreq's Zipf scale: ten in a million words) owes much of it to names: 'riva',
# 'seymour', 'erick' (a person's one-word name opening a sentence after the person's full name is theirs)
COMMON_WORD = 4.0
BY_SURNAME = frozenset(("short", "shared"))  # how a surname alone is matched
INITIALS = re.compile(r"(?<![^\W\d_])(?:[A-Z]\. ?){0,2}[A-Z]\. $")  # 'H.M. ', 'B. J. ' before a surname
# Adverbs and connectives that open a sentence before a comma ('Next, ...', 'However, ...', 'Selanjutnya, ...'): a
# one-word name written so is rare ('Reading, a commuter town' is an apposition, not one of these words).
CONNECTIVES = frozenset("""
next then still now first second third finally lastly meanwhile however instead indeed moreover furthermore
besides otherwise overall later earlier again yet thus hence therefore nonetheless nevertheless regardless
separately elsewhere similarly likewise additionally ultimately eventually initially previously recently
currently fortunately unfortunately surprisingly notably importantly afterwards today yesterday tomorrow
namun kemudian selanjutnya akhirnya pertama kedua ketiga sebelumnya sesudahnya setelahnya bahkan lalu kini
sementara meski padahal sebaliknya selain apalagi terakhir""".split())
# Words that say what a name right after them is ('kota Santos', 'streets of Santos', 'pemain Valencia'), and
# head nouns of an apposition right after a name ('Reading, a commuter town'), by the type they give.
def _types(**words: str) -> dict[str, str]:
    return {word: kind for kind, text in words.items() for word in text.split()}


TYPE_BEFORE = _types(
    place="""kota kabupaten provinsi kecamatan desa kampung pulau wilayah daerah kawasan warga penduduk jalanan
    pusat pinggiran derby derbi pemerintah city town village province region streets centre center residents
    outskirts suburbs port outside from near dekat di dari in downtown government cities towns""",
    organization="""pemain klub suporter pendukung pelatih manajemen skuad saham maskapai players club fans
    supporters coach manager squad shares airline beat defeated versus vs melawan mengalahkan clubs supermarket
    retailer carrier company firm brand perusahaan emiten peritel""")
# Words right after a name that make it a club's or company's: English nouns ('the Dortmund defence', 'Apple
# shares') and a match's verbs ('Girona finished third', 'Napoli juara'); or a place's ('Hull population').
TYPE_AFTER = _types(organization="""defence defense attack midfield squad fans supporters players coach manager
    striker forward midfielder defender goalkeeper shares stock party customers users subscribers marketplace
    platform app spokesman spokeswoman spokesperson founder executives employees beat beats defeated thrashed drew
    clinched edged finished finish win wins lose""",
                    place="population residents inhabitants suburbs outskirts skyline police")
TYPE_AFTER_ID = _types(organization="juara menang takluk tumbang imbang tampil bermain")  # short: read everywhere
# English nouns for those and what belong to a named body or place: after a sentence's first word that is also an
# ordinary word, they make it the name of an entry the article names elsewhere ('Apple shares fell', 'Voice
# supporters', 'Hull population: 270,000').
# (Not TYPE_AFTER's roles: 'Head coach Rahul Dravid' is a role.)
BELONGING = frozenset("""supporters fans shares stock officials executives members voters backers critics
    campaigners lawmakers investors employees staff workers population residents inhabitants police""".split())
# In Indonesian, a word after a name that says the central body or a regional one: 'KPU pusat', 'KPU provinsi'.
LEVEL_AFTER = _types(national="pusat nasional ri", regional="provinsi daerah wilayah kota kabupaten")
# After a surname, several people and none of them alone: 'the Kennedy family', 'the Hartono brothers', 'Hartono
# bersaudara'.
FAMILY = _types(family="family dynasty clan brothers sisters siblings bersaudara")
# In Indonesian the word comes first: 'keluarga Hartono', 'dinasti Soeharto'.
FAMILY_WORDS = frozenset(word.title() for word in "keluarga klan dinasti trah wangsa".split())
FAMILY_BEFORE = tuple(f"{w} " for word in sorted(FAMILY_WORDS) for w in (word, word.lower()))
# Each table's words with the space before them, to test the text for any of them at C speed first.
TYPE_AFTER_STARTS, TYPE_AFTER_ID_STARTS, LEVEL_STARTS, FAMILY_STARTS = (
    tuple(f" {w}" for w in table) for table in (TYPE_AFTER, TYPE_AFTER_ID, LEVEL_AFTER, FAMILY))
# Kinds of organisation: the words of an entry's names or cues that tell its kind ('Semen Padang FC', 'Partai
# Garuda', 'PT Adaro Energy', a cue 'maskapai'), and the words right before a name that say which kind it is
# ('klub', 'partai', and whose members or parts belong to that kind: 'pelatih', 'pesawat', 'saham').
ORG_KINDS = _types(
    club="klub club fc cf afc ac sc ps timnas tim team",
    party="partai party",
    airline="maskapai airline airlines airways",
    company="pt perusahaan company tbk inc corp corporation plc ltd perseroan emiten")
KIND_BEFORE = {**ORG_KINDS, **_types(
    club="pelatih pemain skuad suporter pendukung coach players squad fans supporters",
    party="kader fraksi",
    airline="pesawat penerbangan",
    company="saham shares firm")}
# Roles that say a name is a person's: in English right before it ('striker Jordan', 'the minister Marcos'; in
# Indonesian the word after a role is whose the role is: 'pelatih Semen Padang', 'menteri Georgia'), and in both
# languages as the head of an apposition right after it ('Jackson, the newest justice'). Words that say an
# organisation (TYPE_BEFORE: 'coach', 'players') are read first.
PERSON_BEFORE = frozenset("""
justice judge minister president senator governor mayor chancellor striker forward midfielder defender
goalkeeper winger captain actor actress singer rapper driver founder spokesman spokeswoman""".split())
ROLE_WORDS = frozenset("head assistant chief deputy vice acting interim caretaker former senior".split())  # of a role
PERSON_NOUNS = PERSON_BEFORE | frozenset("""
coach manager player hakim menteri presiden gubernur pelatih penyerang gelandang bek kiper pemain aktor aktris
penyanyi pebalap pendiri leader chairman chairwoman ketua""".split())
# A place preposition before 'the' or a possessive still says a place: 'across the Amazon', 'in its Cambridge'
# (English only: Indonesian writes neither before a name).
PLACE_PREPOSITIONS = frozenset("in at to from across".split())
DETERMINERS = frozenset("the his her its their our my your".split())
LOOK_BACK = DETERMINERS | {"of"}  # a word before a name after which the word before it is read too
PREPOSITIONS = PLACE_PREPOSITIONS | frozenset("outside near dekat di dari versus vs".split())  # weaker than after
TYPE_SAYING = LOOK_BACK | TYPE_BEFORE.keys() | PERSON_BEFORE  # the last words before a name :func:`type_said` reads
SENTENCE_MARKS = frozenset(".!?")
CLOSERS = "\"'”’»)"
SENTENCE_TAIL = ".!?" + CLOSERS  # what a word ending a sentence may end with
APPOSITION_OPENERS = frozenset("a an the sebuah salah sebagai as".split())
# An Indonesian adverbial of time or source between a subject and its verb: 'saat itu', 'dalam laporannya'.
ADVERBIAL_HEADS = frozenset("saat kala waktu dalam menurut lewat melalui".split())
# Points of the compass that make a place's name a region's: after it in Indonesian, before it in English
# ('Indonesia Timur', 'West Java'; not 'Northern Georgia', which is no name); and in lower case between a name and
# the place it is in ('Cambridge in eastern England').
COMPASS_AFTER = frozenset("Utara Selatan Timur Barat Tengah Tenggara".split())
COMPASS_BEFORE = frozenset("North South East West Central".split())
COMPASS_WORDS = frozenset(w.lower() for w in COMPASS_AFTER | COMPASS_BEFORE) | frozenset(
    "northern southern eastern western".split())
COORDINATION = frozenset(["dan", "and", "serta", "&"])
NEXT_WORD = re.compile(r"\s*([^\W\d_][\w’'-]*|\S)")
WORDS = re.compile(r"[^\W_]+")
MARKS = ".,;:!?\"'()[]{}«»“”‘’–—-*"  # marks around a word, none of them a word's character
NO_APPOSITION = ("", frozenset())
_NOBODY: frozenset[str] = frozenset()
_SPAN = attrgetter("start", "end")
BLOCK_END = re.compile(r"\n\n")
REACH = 2  # a short form refers back at most this many blocks (paragraphs) to the full name that justifies it
# An apposition that says which entry the name is not ('Ellison, no relation to ... Larry Ellison'), folded.
DENIALS = (" no relation ", " not ", " unrelated ", " bukan ", " tidak ada hubungan ", " tak ada hubungan ")
APPOSITION_END = re.compile(r"[,;:.!?()\n]")


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A shared form the article does not settle: linked to nothing, listed for review."""

    start: int
    end: int
    surface: str
    candidates: tuple[str, ...]  # best first
    scores: tuple[float, ...]


@dataclass(frozen=True)
class Linked:
    mentions: tuple[Mention, ...]  # decided, in text order
    ambiguous: tuple[Ambiguous, ...] = ()
    dropped: tuple[tuple[Mention, str], ...] = ()  # (match, why): 'nested', 'ordinary word'


def link(text: str, lang: str, mentions: Sequence[Mention], names: Sequence, registry: Registry, *,
         overrides: Mapping[str, str] | None = None, category: str = "", prior: Mapping[str, int] | None = None,
         ordinary: Callable[[str, str], float] = lambda word, lang: 0.0, skip=()) -> Linked:
    """The article's mentions once nested names, ordinary words and shared forms are decided. ``names``: the
    article's proper-name spans (``warta.entities.names.Name``: none overlaps another; events and documents,
    type None, hold no one: 'KTT ASEAN' names ASEAN); ``overrides``: form -> id from front-matter; ``prior``:
    entity id -> articles of the site that name it by a form of its own; ``ordinary(word, lang)``: the lexicon,
    how ordinary a word is (its Zipf frequency; 0.0 for no ordinary word); ``skip``: (start, end) spans of
    headline-case text."""
    skip = tuple(skip)
    names = sorted([n for n in names if n.type and not (skip and _covers(skip, n.start))], key=_SPAN)  # apart
    starts = [n.start for n in names]
    if overrides:
        mentions = _with_overrides(text, mentions, overrides, registry)
    memo = _memo(registry)
    foreign = _of_another_place(text, mentions, memo)
    kept, dropped = [], []
    longer: dict[str, set[tuple[str, int]]] = {}  # a form -> (the longer name it was nested in, where in it)
    days = _day_names(text) if (" Day" if lang == "en" else "Hari ") in text else ()
    unread = _unread_short_forms(text, lang, mentions, names, starts, registry, overrides or {})
    for number, mention in enumerate(mentions):
        at = -1
        if mention.start in unread:
            why = "short form alone"
        elif skip and _covers(skip, mention.start):  # a headline keeps its names, but for a region's
            why = _compass_nested(text, mention, registry)
        elif number in foreign:
            why = "nested"
        else:  # each rule called only where its cheapest test passes
            at, end = bisect_right(starts, mention.start) - 1, mention.end
            why = (at >= 0 and names[at].end >= end and not (starts[at] == mention.start and names[at].end == end)
                   and _nested(text, mention, mentions, names, starts, registry)
                   or text[end + 1:end + 2].isupper() and _modifies_next(
                       text, mention, _next_read(mentions, number, unread), names, starts, registry)
                   or " " not in mention.surface and (
                       opens_sentence(text, mention.start) and _ordinary_opener(text, lang, mention, registry,
                                                                                ordinary, mentions)
                       or days and _in_a_day_s_name(mention, days, ordinary, lang)
                       or mention.via in BY_SURNAME and (text.startswith(". ", mention.start - 2)
                                                         and text[mention.start - 3:mention.start - 2].isupper()
                                                         or text.startswith(FAMILY_STARTS, end)
                                                         or text.endswith(FAMILY_BEFORE, 0, mention.start))
                       and _another_person(text, mention, registry))
                   or "")
        if why:
            dropped.append((mention, why))
            if why == "nested" and at >= 0 and starts[at] <= mention.start and mention.end <= names[at].end and (
                    names[at].end - starts[at] > mention.end - mention.start):  # strictly inside the model's name
                longer.setdefault(mention.surface, set()).add((text[starts[at]:names[at].end],
                                                               mention.start - starts[at]))
        else:
            kept.append(mention)
    if skip and longer:  # a headline's match inside a longer name the body writes: 'Kebakaran Glodok Plaza'
        headline = [m for m in kept if _covers(skip, m.start) and any(m.start >= offset and text.startswith(
            name, m.start - offset) for name, offset in longer.get(m.surface, ()))]
        if headline:
            kept = [m for m in kept if m not in headline]
            dropped = sorted([*dropped, *((m, "nested") for m in headline)], key=lambda pair: pair[0].start)
    evidence = _Evidence(text, [m for m in kept if not m.candidates], category, names, starts, registry)
    out, ambiguous = [], []
    overrides, prior = overrides or {}, prior or {}
    vias = memo.known_vias
    for mention in kept:
        if not mention.candidates:
            out.append(mention)
            continue
        winner, ranked = _choose(mention, lang, memo, evidence, overrides, prior)
        if winner:
            surface = mention.surface
            via = vias.get((winner, surface)) or memo.via(winner, surface)
            out.append(Mention(mention.start, mention.end, winner, surface, via))
            evidence.went.setdefault(winner, []).append(mention.start)
        else:
            ambiguous.append(Ambiguous(mention.start, mention.end, mention.surface, *zip(*ranked)))
    return Linked(tuple(out), tuple(ambiguous), tuple(dropped))


def _unread_short_forms(text: str, lang: str, mentions: Sequence[Mention], names, starts, registry: Registry,
                        overrides) -> set[int]:
    """Where a short form of one entry the article never names in full ('Palu' of Kota Palu) is no mention: it is
    one only where the model of names reads a name of the entry's type on exactly those words, or the word right
    before or (in English) after says that type ('the National party'), here or at another occurrence of the same
    words (a title-case headline has no names read); not 'National' in 'Saudi National Bank'. The other rules
    still apply to those kept ('Salah satu')."""
    full = {m.entity_id for m in mentions if m.via != "short"}
    alone = [m for m in mentions if m.via == "short" and m.entity_id not in full and m.surface not in overrides]
    read = set()
    for mention in alone:
        if mention.surface in read:
            continue
        at = bisect_right(starts, mention.start) - 1
        name = names[at] if at >= 0 and starts[at] == mention.start else None
        kind = registry.entities[mention.entity_id].type
        if name is not None and name.end == mention.end and name.type == kind or kind == (
                _type_after(text, mention.end, lang)
                or TYPE_BEFORE.get((_last_words(text, mention.start) or [""])[-1])):
            read.add(mention.surface)
    return {m.start for m in alone if m.surface not in read}


def _next_read(mentions: Sequence[Mention], number: int, unread: set[int]) -> Mention | None:
    """The match after ``mentions[number]``, unless it is a short form alone that is no mention ('National' in
    'Swiss National Bank' where no National Party is named)."""
    following = mentions[number + 1] if number + 1 < len(mentions) else None
    return None if following is None or following.start in unread else following


def _covers(spans, at: int) -> bool:
    for start, end in spans:
        if start <= at < end:
            return True
    return False


def owners(mention: Mention) -> tuple[str, ...]:
    return mention.candidates or (mention.entity_id,)


def _nested(text: str, mention: Mention, mentions: Sequence[Mention], names, starts, registry: Registry) -> str:
    """'nested' when ``mention`` lies strictly inside the name around it (names never overlap) and that name is
    more than registered names side by side ('Korea Utara Kim Jong Un' is two)."""
    at = bisect_right(starts, mention.start) - 1
    if at < 0:
        return ""
    start, end = starts[at], names[at].end
    if end < mention.end or (start, end) == (mention.start, mention.end):
        return ""
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    rest = list(text[start:end])
    for other in inside:
        rest[other.start - start:other.end - start] = " " * (other.end - other.start)
    pieces = "".join(rest).split()
    if mention.start == start and all(registry.entities[i].type == "organization" for i in owners(mention)):
        after = text[end:end + 12].split(maxsplit=1)  # the model of names leaves a number out: 'Boeing' 737
        pieces = _without_models([*pieces, *after[:1]])  # 'Alaska Airlines Boeing 737', 'Lion Air JT610'
    words = [w for w in pieces if w[:1].isupper() and w.lower() not in TITLES]
    town = mention.via in ("name", "alias") and registry.entities[mention.entity_id].type == "place"
    words = [w for number, w in enumerate(words) if w.lower() not in GOVERNMENT and not (
        w.lower() in LOCAL and (town or number and words[number - 1].lower() == "pemerintah"))]
    if words and mention.end == end and all(w.lower() in UNITS for w in words) and all(
            registry.entities[i].type == "organization" for i in owners(mention)):
        return ""  # a unit of the organisation: 'Humas BNPB'
    before = text[max(0, start - 30):start].split() if words else ()
    if (words and before and before[-1].lower() in TITLES and text.startswith(words[0], start)
            and words[0].lower() not in ORG_HEADS):  # 'hakim Pengadilan Negeri Jakarta Selatan': a court
        words = words[1:]  # the second word of a title the name's span took in: 'Wali Kota Medan Bobby Nasution'
    if words:  # the name holds more than registered names and titles: 'Jordan Henderson', 'Laut Jawa'
        title_construction = (names[at].type == "person" and mention.start == start and len(words) >= 2
                              and bool(before) and before[-1].lower() in TITLES
                              and all(registry.entities[i].type != "person" for i in owners(mention)))
        # A person's full name after words the model of names took in: 'Premier Daniel Andrews'.
        role = (names[at].type == "person" and mention.end == end and " " in mention.surface
                and all(registry.entities[i].type == "person" for i in owners(mention)))
        return "" if title_construction or role else "nested"  # not 'juru bicara Kremlin Dmitry Peskov'
    return ""


HARI_NAME = re.compile(r"Hari(?: [A-Z][\w'’-]*){1,3}")  # 'Hari Batik Nasional', 'Hari Buruh'


def _day_names(text: str) -> list[tuple[int, int]]:
    """Where the names of days are: 'Hari Batik Nasional', 'Hari Buruh', 'Labour Day' (found from their fixed word:
    a pattern trying every capital of an article took 0.24 ms)."""
    out = []
    at = text.find("Hari ")
    while at >= 0:
        found = HARI_NAME.match(text, at)
        if found and (not at or not text[at - 1].isalnum()):
            out.append(found.span())
        at = text.find("Hari ", at + 5)
    at = text.find(" Day")
    while at >= 0:
        if not text[at + 4:at + 5].isalnum():
            words = []  # the one or two capitalised words right before it
            for word in reversed(text[max(0, at - 40):at].split(" ")[-2:]):
                if not (word[:1].isupper() and word.replace("'", "").replace("’", "").isalnum()):
                    break
                words.insert(0, word)
            if words:
                out.append((at - len(" ".join(words)), at + 4))
        at = text.find(" Day", at + 4)
    return sorted(out)


def _in_a_day_s_name(mention: Mention, days, ordinary, lang: str) -> str:
    """'nested' for an ordinary word inside the name of a day (``days``: their spans in the text): the cloth in
    'Hari Batik Nasional', the workers in 'Hari Buruh', not Batik Air or the Labour party. A name stays ('HUT
    TNI', 'Hari Bhayangkara')."""
    return "nested" if _covers(days, mention.start) and ordinary(mention.surface, lang) else ""


def _without_models(words: list[str]) -> list[str]:
    """The words but a model's or a flight's designation: a word with a digit, and a word right before one
    ('Boeing 737', 'MAX 9', 'JT610', 'Flight 1282')."""
    digits = [any(c.isdigit() for c in w) for w in words]
    return [w for n, w in enumerate(words) if not digits[n] and not (n + 1 < len(words) and digits[n + 1])]


def _another_person(text: str, mention: Mention, registry: Registry) -> str:
    """For a person's one-word surname alone (a short form): 'nested' after initials that are not those of the
    entry's given names ('H.M. Lukminto', the founder, in an article on Iwan Setiawan Lukminto; not 'B.J. Habibie' of
    Bacharuddin Jusuf Habibie); 'family' before a word of :data:`FAMILY` ('the Kennedy family', 'Hartono
    bersaudara') or after one of :data:`FAMILY_BEFORE` where the article writes the surname after several given
    names ('keluarga Hartono'; not 'keluarga Yosua', Yosua's family, which names him)."""
    start = mention.start
    initials = INITIALS.search(text[max(0, start - 12):start]) if text.startswith(". ", start - 2) else None
    family = not initials and (text.startswith(FAMILY_STARTS, mention.end) and _listed_after(text, mention.end, FAMILY)
                               or text.endswith(FAMILY_BEFORE, 0, start) and _family_name(text, mention.surface))
    if not (initials or family) or not any(
            registry.entities[i].type == "person" for i in owners(mention)):
        return ""
    if family:
        return "family"
    return "" if any(_initials_of(form, mention.surface, initials.group()) for i in owners(mention)
                     for form in registry.entities[i].full_forms()) else "nested"


def _family_name(text: str, surname: str) -> bool:
    """Whether the article writes ``surname`` after two given names or more ('Budi Hartono', 'Michael Hartono'):
    then 'keluarga Hartono' is the family; else it is one person's ('keluarga Yosua', his family)."""
    given = set(re.findall(rf"\b([A-Z][\w.]*) {re.escape(surname)}\b", text))
    return len(given - FAMILY_WORDS) > 1


def _initials_of(form: str, surname: str, initials: str) -> bool:
    """Whether ``initials`` ('B.J. ') may stand for the words before ``surname`` in ``form`` (*Bacharuddin Jusuf
    Habibie*), each initial one of their first letters, in order."""
    given = iter(word[:1] for word in form.partition(f" {surname}")[0].split())
    return form.endswith(f" {surname}") and all(letter in given for letter in re.findall(r"[A-Z]", initials))


def _modifies_next(text: str, mention: Mention, following: Mention | None, names, starts, registry: Registry) -> str:
    """'nested' when a capitalised word that is no title, month or weekday follows a place's or person's match in
    the same sentence and starts no registered match or person's name: the match opens a longer name the model of
    names missed ('US Senate', 'Georgia Tech', 'Reading Festival'); not 'Presiden AS Joe Biden', 'Jakarta Senin'
    (a one-word 'person', or one from the rules alone, is the usual mistake for an institution: 'Senate'). After
    an organisation's match, only a venue's word ('FTX Arena', 'Emirates Stadium'; not 'NBA Finals')."""
    if not text.startswith(" ", mention.end) or not text[mention.end + 1:mention.end + 2].isupper():
        return ""  # the usual case, settled without a regex
    after = NEXT_WORD.match(text, mention.end)
    if not after or text[mention.end:after.start(1)] != " ":
        return ""
    if all(registry.entities[i].type == "organization" for i in owners(mention)):
        # an organisation's events and products name it ('NBA Finals'), a venue it sponsors does not ('FTX Arena')
        return "nested" if after.group(1) in VENUES else ""
    word = after.group(1)
    if not word[:1].isupper() or word.isupper() or (following is not None and following.start == after.start(1)):
        return ""  # a line in capitals is no name: 'GEORGIA TURNED BLUE'
    low = word.lower()
    if low in TITLES or low in calendar_words() or low in COORDINATION:
        return ""
    before = text[max(0, mention.start - 30):mention.start].split()
    if before and before[-1].lower() in TITLES:  # a title's place: 'Kanselir Jerman Olaf Scholz'
        return ""
    at = bisect_right(starts, after.start(1)) - 1
    if (at >= 0 and names[at].start == after.start(1) and names[at].type == "person"
            and names[at].confidence >= DOUBT_CONFIDENCE and " " in text[names[at].start:names[at].end]):
        return ""
    return "nested"


def _compass_nested(text: str, mention: Mention, registry: Registry) -> str:
    """'nested' for a place's match with a point of the compass after it ('Indonesia Timur', 'Jawa Barat') or, in
    English, before it ('West Java', 'East Africa'): a region the registry lacks, also in a title-case headline."""
    after = text[mention.end:mention.end + 12].split(maxsplit=2)
    before = text[max(0, mention.start - 8):mention.start].split()
    if not (text.startswith(" ", mention.end) and after and after[0].strip(MARKS) in COMPASS_AFTER
            or before and text[mention.start - 1] == " " and before[-1] in COMPASS_BEFORE):
        return ""
    return "nested" if all(registry.entities[i].type == "place" for i in owners(mention)) else ""


def _with_overrides(text: str, mentions: Sequence[Mention], overrides: Mapping[str, str], registry: Registry):
    """The matches, and each occurrence of a form the front-matter settles that the matcher left out (a short
    form whose full name the article never writes: 'Sriwijaya' for Sriwijaya FC)."""
    added = []
    for form, entity_id in overrides.items():
        entity = registry.entities.get(entity_id)
        if entity is None or not form:
            continue
        for found in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if not any(m.start < found.end() and found.start() < m.end for m in mentions):
                added.append(Mention(found.start(), found.end(), entity_id, form, entity.via(form)))
    return sorted((*mentions, *added)) if added else mentions


def _of_another_place(text: str, mentions: Sequence[Mention], memo: _Memo) -> set[int]:
    """Indexes of an organisation and the place right after it that make one name the registry lacks:
    'Mahkamah Agung Amerika Serikat', 'Kementerian Luar Negeri Jepang' (another country's court, ministry).
    Only for an organisation whose home the registry tells (:func:`homes`) and is not that place: 'Mahkamah
    Agung Indonesia' is the court named in full, 'Serie A Italia' the league and its country."""
    out = set()
    home = memo.homes()
    for number in range(len(mentions) - 1):
        first, then = mentions[number], mentions[number + 1]
        if then.start != first.end + 1 or text[first.end] != " ":
            continue
        mine = [memo.registry.entities[i] for i in owners(first)]
        places = {i for i in owners(then) if memo.registry.entities[i].type == "place"}
        if places and all(e.type == "organization" and home.get(e.id) and not places & home[e.id] for e in mine):
            out |= {number, number + 1}
    return out


class _Memo:
    """What the linker works out once per registry, each part when first needed: the entries' homes, each shared
    form's candidates (:meth:`entries`), whose own name or alias a form is, how a form names an entry."""

    __slots__ = ("registry", "_homes", "known_entries", "_owners", "known_vias", "_levels", "_countries", "_unhinted")

    def __init__(self, registry: Registry):
        self.registry, self._homes = registry, None
        # What :meth:`entries` and :meth:`via` worked out: the hot path looks here before calling them.
        self.known_entries: dict[tuple, tuple] = {}
        self._owners: dict[tuple, frozenset[str]] = {}
        self.known_vias: dict[tuple, str] = {}
        self._levels: dict[tuple, dict[str, tuple[str, ...]]] = {}
        self._unhinted: dict[tuple, frozenset[str]] = {}
        self._countries: frozenset[str] | None = None  # the entries that are countries

    def unhinted(self, ids: tuple[str, ...]) -> frozenset[str]:
        """The one of the entries ``ids`` without ``context`` or ``cues`` when all the others have some (what the
        editor's hints leave as the usual meaning: *Labour* beside a *New Zealand Labour Party* with context), else
        none."""
        known = self._unhinted.get(ids)
        if known is None:
            entities = self.registry.entities
            plain = [i for i in ids if not (entities[i].context or entities[i].cues)]
            known = self._unhinted[ids] = frozenset(plain) if len(plain) == 1 else frozenset()
        return known

    def levels(self, ids: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
        """The entries ``ids`` by level: 'regional' when one of their home places is no country (Babel's
        names: *KPU DKI Jakarta*), else 'national' (*KPU RI*, *Komisi Pemilihan Umum*)."""
        known = self._levels.get(ids)
        if known is None:
            entities, home = self.registry.entities, self.homes()
            if self._countries is None:
                names = countries()
                self._countries = frozenset(i for i, e in entities.items() if e.type == "place" and any(
                    form.lower() in names for form in e.full_forms()))
            regional = tuple(i for i in ids if home.get(i, frozenset()) - self._countries)
            known = self._levels[ids] = {"regional": regional,
                                         "national": tuple(i for i in ids if i not in regional)}
        return known

    def homes(self) -> dict[str, frozenset[str]]:
        if self._homes is None:
            self._homes = homes(self.registry)
        return self._homes

    def entries(self, ids: tuple[str, ...]) -> tuple[tuple, frozenset[str], dict, dict]:
        """(a row per candidate of a shared form: its id, type and :func:`_hints`; their types, their ids by type,
        their ids by kind of organisation)."""
        known = self.known_entries.get(ids)
        if known is None:
            entries = tuple(self.registry.entities[i] for i in ids)
            by_type = {kind: tuple(e.id for e in entries if e.type == kind) for kind in {e.type for e in entries}}
            kinds = {e.id: _org_kinds(e) for e in entries}
            by_kind = {kind: tuple(i for i in ids if kind in kinds[i]) for kind in set().union(*kinds.values())}
            rows = tuple((e.id, e.type, *_hints(e)) for e in entries)
            known = self.known_entries[ids] = rows, frozenset(by_type), by_type, by_kind
        return known

    def owners(self, surface: str, ids: tuple[str, ...]) -> frozenset[str]:
        """Those of the entries ``ids`` whose name or alias ``surface`` is, not only a short form: none when it
        is only a short form of each."""
        known = self._owners.get((surface, ids))
        if known is None:
            entities = self.registry.entities
            known = self._owners[(surface, ids)] = frozenset(i for i in ids if _own_form(entities[i], surface))
        return known

    def via(self, entity_id: str, surface: str) -> str:
        known = self.known_vias.get((entity_id, surface))
        if known is None:
            known = self.known_vias[(entity_id, surface)] = self.registry.entities[entity_id].via(surface)
        return known


_LAST: list[_Memo] = []  # the memo of the registry last linked against (a build links against one)


def _memo(registry: Registry) -> _Memo:
    memo = _LAST[0] if _LAST else None
    if memo is None or memo.registry is not registry:  # by identity: registries in tests may have no digest
        memo = _Memo(registry)
        _LAST[:] = [memo]  # a caller linking against another registry meanwhile keeps its own memo
    return memo


def homes(registry: Registry) -> dict[str, frozenset[str]]:
    """Entry id -> the places it belongs to, as its registry entry tells: the places in its ``context`` and the
    places its own names and aliases name ('Supreme Court of Indonesia', 'Kementerian Luar Negeri RI'; not a
    person's)."""
    places: dict[str, set[str]] = {}
    for entity in registry.entities.values():
        if entity.type == "place":
            for form in entity.full_forms():
                places.setdefault(form, set()).add(entity.id)
    table = {}
    for entity in registry.entities.values():
        found = {i for i in entity.context if i in registry.entities and registry.entities[i].type == "place"}
        for form in entity.full_forms() if entity.type != "person" else ():  # 'Lewis Hamilton' is no place's
            words = form.split()
            for size in range(1, len(words)):
                for at in range(len(words) - size + 1):
                    found |= places.get(" ".join(words[at:at + size]), set())
        found.discard(entity.id)
        if found:
            table[entity.id] = frozenset(found)
    return table


def _ordinary_opener(text: str, lang: str, mention: Mention, registry: Registry, ordinary, mentions=()) -> str:
    surface = mention.surface
    if " " in surface or not opens_sentence(text, mention.start) or is_acronym(surface):
        return ""
    frequency, mine = ordinary(surface, lang), frozenset(owners(mention))
    if not frequency or any(registry.entities[i].always_name for i in mine):
        return ""
    if text.startswith(",", mention.end) and surface.lower() in CONNECTIVES:  # 'Next, the chief executive said'
        return "ordinary word"
    if _name_follows(text, mention.end, lang):
        return ""
    after = NEXT_WORD.match(text, mention.end) if lang == "en" else None
    if after and after.group(1).lower() in BELONGING and any(
            m.start != mention.start and not mine.isdisjoint(owners(m)) for m in mentions):
        return ""  # 'Voice supporters had hoped' in an article naming the Indigenous Voice to Parliament
    if frequency < COMMON_WORD and all(registry.entities[i].type == "person" for i in mine) and any(
            m.start < mention.start and m.entity_id in mine and m.via in ("name", "alias") for m in mentions):
        return ""  # 'Riva dan tersangka lain ditahan' after 'Riva Siahaan'
    return "ordinary word"


def _name_follows(text: str, end: int, lang: str) -> bool:
    """Whether the words after a sentence's first word read as a name's: a mark, a verb, 'and' a name."""
    after = NEXT_WORD.match(text, end)
    if not after:
        return True
    word = after.group(1)
    if not word[0].isalpha():
        return True
    low = word.lower()
    if low in COORDINATION:  # 'Kim dan Putin': names side by side
        following = NEXT_WORD.match(text, after.end())
        return bool(following) and following.group(1)[:1].isupper()
    if lang != "en" and low in ADVERBIAL_HEADS:  # 'Liverpool saat itu memuncaki', 'Tempo dalam liputannya menulis'
        second = NEXT_WORD.match(text, after.end())
        if second and (second.group(1).lower() in ("itu", "ini") or second.group(1).endswith("nya")):
            return _name_follows(text, second.end(), lang)
        return False
    if lang != "en" and low in LEVEL_AFTER:  # a body's level: 'Ombudsman pusat akan menyusun'
        return True
    if lang != "en" and low == "akan":  # 'Jago akan membuka' (will), not 'Harapan akan perdamaian' (hope of)
        following = NEXT_WORD.match(text, after.end())
        return following is not None and _verb(following.group(1).lower())
    if lang != "en" and len(low) > 6 and low.endswith("nya") and low.isalpha():
        return _name_follows(text, after.end(), lang)  # an adverb in -nya: 'Madura sebenarnya tampil'
    if lang == "en" and (low in IRREGULAR_PAST or low in PRESENT_VERBS):
        return True
    if low in PERSON_NOUNS:  # a role and a person's name: 'Heat forward Jimmy Butler' (not 'Head coach Rahul ...')
        name = NEXT_WORD.match(text, after.end())
        return bool(name) and name.group(1)[:1].isupper() and text[end - 12:end].split()[-1].lower() not in ROLE_WORDS
    return low in AFTER_SUBJECT or low.endswith("ed") and lang == "en" or lang != "en" and _verb(low)


def _verb(word: str) -> bool:
    """Whether a folded Indonesian word reads as a verb: prefixed ('menggugat', 'berencana') or a base verb."""
    return word in AFTER_SUBJECT or word in BASE_VERBS or VERB_PREFIX.match(word) is not None and word not in NO_VERBS


class _Evidence:
    """What one article says, for scoring candidates: the entities it names by forms of their own (and where),
    its words, the types the model of names reads; sentence by sentence, each worked out once."""

    def __init__(self, text: str, decided: list[Mention], category: str, names, starts, registry=None):
        self.text, self.category, self.names, self.starts, self.registry = text, category, names, starts, registry
        self.first: dict[str, int] = {}  # where each entry is first named by a form of its own
        self.places: dict[str, list[int]] = {}  # where each entry is named by a form of its own, in text order
        self.decided, self.decided_starts = decided, []
        for m in decided:
            self.decided_starts.append(m.start)
            places = self.places.get(m.entity_id)
            if places is None:
                self.places[m.entity_id], self.first[m.entity_id] = [m.start], m.start
            else:
                places.append(m.start)
        self.went: dict[str, list[int]] = {}  # entry -> where a shared form went to it (decided in text order)
        self._blocks: list[int] | None = None
        self._folded = ""
        self._ends: list[int] | None = None
        self._sentences: dict[int, _Sentence] = {}
        self._near: dict[int, set[str]] = {}
        self._cue_sentences: dict[tuple, frozenset[int]] = {}
        self._said: dict[str, bool] = {}
        self._casefolded: str | None = None
        self._cue_places: dict = {}
        self._edge: str | None = None
        self._latest: dict[tuple, int] = {}
        self._rankings: dict[tuple, list] = {}
        self._people: dict[str, bool] = {}

    def people_named(self, entity_id: str) -> bool:
        """Whether the text names the people of a place in English, by its name with one of the usual endings
        ('Australians', 'Canadian', 'Indonesian', 'Japanese')."""
        known = self._people.get(entity_id)
        if known is None:
            entity = self.registry.entities.get(entity_id) if self.registry is not None else None
            known = self._people[entity_id] = entity is not None and entity.type == "place" and any(
                _people_pattern(form).search(self.text) for form in entity.full_forms() if form.isalpha())
        return known

    def says(self, words: str) -> bool:
        """Whether the article (its text and category) has ``words``, whole words in a row, in any case."""
        known = self._said.get(words)
        if known is None:
            known = self._said[words] = self._says(words)
        return known

    def _says(self, words: str) -> bool:
        cue = _cue(words)
        if not self._aligned():  # the words of the whole article, folded (slower)
            if not self._folded:
                self._folded = _folded(f"{self.text} {self.category}")
            return cue in self._folded
        word = " " not in cue.strip()
        if word:  # a word's places are the same in a sentence or across
            places = self.cue_starts(cue)
        else:
            places = self._cue_places.get((cue, True))
            if places is None:
                places = self._cue_places[(cue, True)] = _places(_cue_pattern(cue, True), self._casefolded, 1)
        if places:
            return True
        if cue in _cue(self.category):
            return True
        if word:
            return False
        if self._edge is None:  # the category's words, and the text's last ones with them (a cue astride the two)
            tail = self.text[-200:]
            if len(self.text) > 200:  # from a word's start
                tail = tail[next((i for i, c in enumerate(tail) if not c.isalnum()), len(tail)):]
            self._edge = _folded(f"{tail} {self.category}")
        return cue in self._edge

    def _aligned(self) -> bool:
        """Whether case folding keeps the text's characters one for one (nearly always): then folded words are
        looked for in the text folded once, at the same places."""
        if self._casefolded is None:
            folded = self.text.casefold()
            self._casefolded = folded if len(folded) == len(self.text) else ""
        return bool(self._casefolded)

    def article_ranking(self, mention: Mention, lang: str, memo: _Memo, prior) -> list[tuple[str, float]]:
        """The candidates by what the whole article says of them, best first (once per form)."""
        first, candidates, start = self.first, mention.candidates, mention.start
        latest = self._latest.get(candidates)
        if latest is None:  # where the last of them is first named
            latest = self._latest[candidates] = max([first.get(i, -1) for i in candidates])
        later = tuple([i for i in candidates if first.get(i, -1) > start]) if latest > start else ()
        key = (mention.surface, candidates, later)
        known = self._rankings.get(key)
        if known is None:  # (ranking, the ranking with the own-name bonus or None, the owners of the name)
            most = max([prior.get(i, 0) for i in candidates]) if prior else 0
            entities, said = memo.registry.entities, {}
            for i in candidates:  # a loop, not a comprehension: this runs for many occurrences
                said[i] = score(entities[i], mention.surface, lang, self, 0.0, i in later)
            scores = {i: said[i] + PRIOR * prior.get(i, 0) / most for i in candidates} if most else said
            own = memo.owners(mention.surface, candidates) or memo.unhinted(candidates)
            boosted = None
            if own and len(own) < len(candidates) and all(i in own or not said[i] for i in candidates):
                boosted = _ranked([(i, scores[i] + OWN_NAME * (i in own)) for i in candidates])
            known = self._rankings[key] = _ranked(list(scores.items())), boosted, own
        ranking, boosted, own = known
        if boosted is None or self.went and any(i in self.went for i in candidates if i not in own):
            return ranking  # the bonus only while no other candidate has had an occurrence
        return boosted

    def contested(self, mention: Mention, ranked) -> bool:
        """Whether two candidates were used before the occurrence (named by a form of their own, or chosen for the
        shared form) and neither :data:`DOMINANCE` times as often as the other: 'Cambridge' after one Cambridge
        and then the other, with nothing near to tell."""
        places, went = self.places, self.went
        used = sorted([bisect_left(places.get(i, ()), mention.start) + len(went.get(i, ())) for i, _ in ranked],
                      reverse=True)
        return len(used) > 1 and used[1] > 0 and used[0] < DOMINANCE * used[1]

    def named_last(self, mention: Mention) -> str:
        """The candidate the article names in full last before the occurrence, at most ``REACH`` blocks back, or
        else first after it, as near but for the title's and lede's (written for the whole article): a short form
        points to the name it shortens, not far from it; '' for none."""
        decided, candidates = self.decided, mention.candidates
        reach = self.block_start(mention.start, REACH)
        for at in range(bisect_left(self.decided_starts, mention.start) - 1, -1, -1):
            if decided[at].start < reach:
                break
            if decided[at].entity_id in candidates and decided[at].via != "short":
                return decided[at].entity_id
        end = len(self.text)
        first = min(candidates, key=lambda i: end if self.first.get(i, -1) < mention.start else self.first[i])
        ahead = end if mention.start < self.block_start(0, -2) else self.block_start(mention.start, -REACH - 1)
        return first if mention.start < self.first.get(first, end) < ahead else ""

    def block_start(self, at: int, back: int = 0) -> int:
        """Where the block (paragraph, title, lede) ``back`` blocks before the one holding ``at`` starts (after it
        when ``back`` is negative; the text's end past the last)."""
        if self._blocks is None:
            self._blocks = [m.end() for m in BLOCK_END.finditer(self.text)]
        block = bisect_right(self._blocks, at) - back
        return self._blocks[block - 1] if 0 < block <= len(self._blocks) else 0 if block <= 0 else len(self.text)

    def named_latest(self, mention: Mention, ids) -> str:
        """Which of ``ids`` the article named last before the occurrence: by a form of its own, or by a shared
        form already decided; '' for none."""
        latest, where = "", -1
        for entity_id in ids:
            places = self.places.get(entity_id)
            at = bisect_left(places, mention.start) - 1 if places else -1
            went = self.went.get(entity_id)
            last = max(places[at] if at >= 0 else -1, went[-1] if went else -1)  # all went before it
            if last > where:
                latest, where = entity_id, last
        return latest

    def sentence(self, mention: Mention) -> _Sentence:
        """The occurrence's sentence."""
        ends = self._ends
        if ends is None:
            ends = self._ends = _sentence_ends(self.text)
            for m in self.decided:  # each sentence's entries, in one pass
                self._near.setdefault(bisect_right(ends, m.start), set()).add(m.entity_id)
        at = bisect_right(ends, mention.start)
        known = self._sentences.get(at)
        if known is None:
            start = ends[at - 1] if at else 0
            end = ends[at] if at < len(ends) else len(self.text)
            known = self._sentences[at] = _Sentence(self, at, start, end, self._near.get(at, _NOBODY))
        return known

    def named_before(self, sentence: _Sentence, candidates: tuple[str, ...]) -> str:
        """The one of ``candidates`` the sentence before ``sentence`` (the last one with words: a paragraph's first
        sentence looks at the paragraph before) names by a form of its own, when that sentence names one and
        ``sentence`` none: an acronym right after its full name ('Komisi Pemilihan Umum di tingkat pusat mencatat
        ... KPU menyebut')."""
        if not sentence.near.isdisjoint(candidates):
            return ""
        before = self._near_before(sentence)
        named = [i for i in candidates if i in before]
        return named[0] if len(named) == 1 else ""

    def _near_before(self, sentence: _Sentence) -> Set[str]:
        """The entries named in the last sentence with words before ``sentence`` (line breaks between blocks
        are none)."""
        ends, at = self._ends, sentence.at - 1
        while at >= 0 and not self.text[ends[at - 1] if at else 0:ends[at]].strip():
            at -= 1
        return self._near.get(at, _NOBODY) if at >= 0 else _NOBODY

    def home_near(self, sentence: _Sentence, candidates: tuple[str, ...], homes) -> str:
        """The one of ``candidates`` whose home (:func:`homes`) the sentence or the one before it names, when
        the others' are not: 'sebuah kota di Pulau Utara Selandia Baru. Hamilton berada di ...'."""
        near = sentence.near | self._near_before(sentence)
        if not near:
            return ""
        named = [i for i in candidates if not near.isdisjoint(homes.get(i, ()))]
        return named[0] if len(named) == 1 else ""

    def sentences_with(self, cues: tuple[str, ...]) -> frozenset[int]:
        """Which sentences (by index) hold any of ``cues`` (folded), in a text case folding keeps as it is."""
        found = set()
        for cue in cues:
            found.update(bisect_right(self._ends, at) for at in self.cue_starts(cue))
        return frozenset(found)

    def cue_starts(self, cue: str) -> list[int]:
        """Where ``cue`` (folded) starts in the folded text, its words within a sentence (looked for once)."""
        places = self._cue_places.get(cue)
        if places is None:
            places = self._cue_places[cue] = _places(_cue_pattern(cue), self._casefolded)
        return places

    def cue_between(self, cue: str, start: int, end: int) -> bool:
        """Whether ``cue`` (folded: ' w1 w2 ') is in the words of text[start:end], a whole sentence. Where case
        folding keeps every character one character (nearly always), each cue is looked for once in the whole
        text and its places kept; else the sentence's words are folded."""
        if not self._aligned():
            return cue in _folded(self.text[start:end])
        places = self.cue_starts(cue)
        at = bisect_left(places, start)
        return at < len(places) and places[at] < end

    def apposition(self, mention: Mention) -> tuple[str, frozenset[str]]:
        """The words (folded) after ', ' right behind the occurrence, to the next mark, and the entries named
        there: ('massachusetts', {...}) in 'Cambridge, Massachusetts, and ...'."""
        if not self.text.startswith(", ", mention.end):
            return NO_APPOSITION
        start = mention.end + 2
        stop = APPOSITION_END.search(self.text, start)
        end = stop.start() if stop else len(self.text)
        first, last = bisect_right(self.decided_starts, start - 1), bisect_right(self.decided_starts, end - 1)
        words = WORDS.findall(self.text[start:end].casefold())  # as _folded() has them
        while words and words[0] in APPOSITION_OPENERS:  # 'Reading, a commuter town', 'Papua, sebagai pulau'
            words = words[1:]
        named = frozenset([m.entity_id for m in self.decided[first:last]]) if last > first else _NOBODY
        return f" {' '.join(words)} " if words else "", named


def _own_form(entity, surface: str) -> bool:
    """Whether ``surface`` is the entry's name or alias (or one in capitals), not only a short form of it."""
    return any(form == surface or form.upper() == surface for form in entity.full_forms())


@lru_cache(maxsize=1024)
def _people_pattern(name: str) -> re.Pattern:
    """A place's people in English: 'Australia' -> Australian(s), 'Canada' -> Canadian(s), 'Japan' -> Japanese."""
    stem = name[:-1] if name[-1:] in "aeiouy" else name
    return re.compile(rf"\b(?:{re.escape(name)}ns?|{re.escape(stem)}(?:ians?|ese))\b")


def _folded(text: str) -> str:
    """' word word ': words only, case-folded, for whole-word phrase search."""
    return f" {' '.join(WORDS.findall(text.casefold()))} "


_cue = lru_cache(maxsize=4096)(_folded)  # registry cues, folded once


@lru_cache(maxsize=4096)
def _cue_pattern(cue: str, across: bool = False) -> re.Pattern:
    """A folded cue as a pattern over folded text: its words whole, apart by anything but a word (what
    ``_folded`` turns into one space), and not by a sentence's end unless ``across``."""
    apart = r"[\W_]+" if across else r"(?:[^\w.!?\n]|_)+"
    return re.compile(apart.join(map(re.escape, cue.split())) + r"(?![^\W_])")


def _places(pattern: re.Pattern, text: str, most: int = 0) -> list[int]:
    """Where ``pattern`` matches ``text`` at the start of a word (checked by hand: a pattern opening with its
    words is searched much faster than one opening with a look-behind); the first ``most`` when not 0."""
    out, at = [], 0
    while (found := pattern.search(text, at)) is not None:
        start = found.start()
        if not start or not text[start - 1].isalnum():
            out.append(start)
            if len(out) == most:
                break
        at = start + 1
    return out


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence ends, after its '.', '!', '?' or line break (unended last words are none): the lengths
    of the pieces between them, added up (in C: half the time of a pattern's matches, for every article)."""
    ends = list(accumulate(map(_ONE_MORE, map(len, text.replace("!", ".").replace("?", ".").replace("\n", ".")
                                                 .split(".")))))
    ends.pop()
    return ends


_ONE_MORE = (1).__add__  # a piece's length and its mark's


class _Sentence:
    """One sentence of an article: which one (``at``, counted from 0), where, the entries named in it (``near``),
    and its words, for ``cue in sentence`` (a folded cue)."""

    __slots__ = ("evidence", "at", "start", "end", "near", "cued")

    def __init__(self, evidence: _Evidence, at: int, start: int, end: int, near: Set[str]):
        self.evidence, self.at, self.start, self.end, self.near = evidence, at, start, end, near
        self.cued = evidence._cue_sentences  # cues -> the sentences holding one, as :meth:`has_any` finds them

    def __contains__(self, cue: str) -> bool:
        evidence = self.evidence
        places = evidence._cue_places.get(cue) if evidence._casefolded else None
        if places is None:
            return evidence.cue_between(cue, self.start, self.end)
        at = bisect_left(places, self.start)  # the usual case, inline
        return at < len(places) and places[at] < self.end

    def has_any(self, cues: tuple[str, ...]) -> bool:
        """Whether any of ``cues`` (folded) is in the sentence: where folding keeps the characters, the sentences
        holding one are found once per article and set of cues."""
        where = self.cued.get(cues)
        if where is None:
            if not self.evidence._aligned():
                return any(cue in self for cue in cues)
            where = self.cued[cues] = self.evidence.sentences_with(cues)
        return self.at in where


def score(entity, surface: str, lang: str, evidence: _Evidence, prior: float, later: bool = False) -> float:
    """How strongly an article as a whole points to one candidate entry of a shared form; ``later``: the article
    names it by a form of its own only after the occurrence."""
    places = evidence.places
    points = (NAMED_LATER if later else NAMED) if entity.id in places else 0.0
    if entity.context:
        named = sum(map(places.__contains__, entity.context))
        if lang == "en" and named < MAX_CO_MENTIONS:  # 'Australians' for Australia
            named += sum(evidence.people_named(i) for i in entity.context if i not in places)
        points += CO_MENTION * min(MAX_CO_MENTIONS, named)
    if entity.cues:
        points += CUE * min(MAX_CUES, sum(map(evidence.says, entity.cues)))
    if entity.names.get(lang) == surface:
        points += LANGUAGE
    return points + PRIOR * prior


def local_best(rows, sentence: _Sentence, kind: str | None, beside=NO_APPOSITION,
               previous: str = "") -> tuple[str, float, float]:
    """(the candidate its sentence points to most, its score, the next score; a tie leaves them equal): ``rows``,
    each candidate's (id, type, its :func:`_hints`); ``sentence``, the entries named in it and its words; ``kind``,
    the type the model of names reads at the occurrence; ``beside``, the words (folded) and entries in apposition
    right after it; ``previous``, the word right before it."""
    near, cued, at = sentence.near, sentence.cued, sentence.at
    words, ids = beside
    first = words.split(maxsplit=1)[0] if words else ""
    best, top, runner_up = "", 0.0, 0.0
    for entity_id, entity_type, pointers, cues, own in rows:  # one loop, no call per candidate: the hot path
        points = 0.0 if pointers.isdisjoint(near) else NEAR
        if cues:
            where = cued.get(cues)  # the usual case without a call
            if sentence.has_any(cues) if where is None else at in where:
                points += NEAR_CUE
        if words and (words.startswith(cues) or not pointers.isdisjoint(ids)):
            points += APPOSITION
        if own and (previous in own or first in own):
            points += APPOSITION
        if kind and entity_type == kind:
            points += TYPE
        if points > top:
            best, top, runner_up = entity_id, points, top
        elif points > runner_up:
            runner_up = points
    return best, top, runner_up


def _hints(entity) -> tuple[frozenset[str], tuple[str, ...], frozenset[str]]:
    """(the entry and its context ids, its cues folded, its own words). Its own words are the other words of its
    full names around a short form ('pulau' of 'Pulau Papua', 'lake' of 'Lake Victoria'): written beside the short
    form, they name the entry ('danau Victoria', 'Papua, sebagai pulau')."""
    short = {w for form in entity.short for w in _folded(form).split()}
    own = frozenset(w for form in entity.full_forms() if short & set(_folded(form).split())
                    for w in _folded(form).split() if w not in short and len(w) > 2)
    return frozenset((entity.id, *entity.context)), tuple(_cue(cue) for cue in entity.cues), own


def _choose(mention: Mention, lang: str, memo: _Memo, evidence: _Evidence, overrides, prior):
    """(winner, ()) or ('', [(id, score)] best first): the occurrence's sentence decides when it tells the
    candidates apart by a clear margin; else the whole article."""
    chosen = overrides.get(mention.surface) if overrides else None
    if chosen:
        return chosen, [(chosen, 0.0)]
    rows, kinds, by_type, by_kind = memo.known_entries.get(mention.candidates) or memo.entries(mention.candidates)
    text, start, end = evidence.text, mention.start, mention.end
    before = _last_words(text, start)
    word = before[-1] if before else ""  # the word right before it
    comma = text.startswith(", ", end)
    after = len(kinds) > 1 and (  # 'Apple shares', 'Hull population', 'Girona menang'; the usual case without a call
        _type_after(text, end, lang) if lang == "en"
        else text.startswith(TYPE_AFTER_ID_STARTS, end) and _listed_after(text, end, TYPE_AFTER_ID))
    if len(kinds) > 1 and (word in TYPE_SAYING or comma or after):
        # A noun before it says its type before a word after it does ('pemerintah Iceland menang'), a preposition
        # after ('in the Dortmund defence'); a word in TYPE_BEFORE is never one after which type_said reads further.
        said = (word not in PREPOSITIONS and TYPE_BEFORE.get(word)
                or after or TYPE_BEFORE.get(word) or type_said(text, mention, before, lang))
        if said in kinds:  # 'kota Santos', 'the streets of Santos', 'para pemain Valencia', 'Reading, a ... town'
            typed = by_type[said]
            if len(typed) == 1:
                return typed[0], ()
            mention = replace(mention, candidates=typed)
            rows, kinds, by_type, by_kind = memo.entries(typed)
    if "place" in kinds and (comma or text.startswith((" in ", " di "), end)):
        home = _home_said(text, mention, evidence, memo)  # 'Cambridge, England', 'Cambridge in eastern England'
        if home:
            return home, ()
    if (lang != "en" and "organization" in kinds and text.startswith(LEVEL_STARTS, end)
            and (level := _listed_after(text, end, LEVEL_AFTER))):
        chosen = memo.levels(mention.candidates).get(level, ())
        if len(chosen) == 1:  # 'KPU pusat' beside 'KPU Jakarta', 'KPU provinsi'
            return chosen[0], ()
    if by_kind and word in KIND_BEFORE:  # 'pelatih Semen Padang', 'partai Garuda'
        typed = by_kind.get(KIND_BEFORE[word], ())
        if len(typed) == 1:
            return typed[0], ()
        if 1 < len(typed) < len(mention.candidates):
            mention = replace(mention, candidates=typed)
            rows, kinds, by_type, by_kind = memo.entries(typed)
    kind, sure = None, 0.0  # the type the model of names reads here, and how sure: it tells only types apart
    if len(kinds) > 1:
        at = bisect_right(evidence.starts, start) - 1
        if at >= 0 and (name := evidence.names[at]).end >= end:
            kind, sure = name.type, name.confidence
    sentence = evidence.sentence(mention)
    if kind == "person" and start - sentence.start < 4 and " " not in mention.surface and opens_sentence(text, start):
        kind, sure = None, 0.0  # any capitalised word opening a sentence may read as a person's name
    beside = evidence.apposition(mention) if comma else NO_APPOSITION
    if beside[1] and beside[0].startswith(DENIALS):  # 'Ellison, no relation to the Oracle founder Larry Ellison'
        left = tuple([i for i in mention.candidates if i not in beside[1]])
        if len(left) == 1:
            return left[0], ()
        beside = NO_APPOSITION
    previous = word if text[start - 1] == " " else ""  # 'danau' in 'danau Victoria'
    local_kind = kind if sure >= TYPE_CONFIDENCE else None
    best, top, runner_up = local_best(rows, sentence, local_kind, beside, previous)
    if top >= MARGIN and top - runner_up >= MARGIN:  # a tie at the top leaves runner_up == top: not clear
        return best, ()
    just_named = evidence.named_before(sentence, mention.candidates) or evidence.home_near(sentence, mention.candidates,
                                                                                           memo.homes())
    if just_named:
        return just_named, ()
    if not memo.owners(mention.surface, mention.candidates):  # a short form of entries named in full
        last = evidence.named_last(mention)  # '' when no full name is near enough to justify it: for review
        if last:
            return last, ()
        ranked = evidence.article_ranking(mention, lang, memo, prior)
        before = [i for i in mention.candidates if evidence.first.get(i, start) < start]
        if not any(i in evidence.first for i in mention.candidates):  # none named in full: the article decides
            return (ranked[0][0] if _clear(ranked) else ""), ranked
        return (before[0] if len(before) == 1 and ranked[0][0] == before[0] and _clear(ranked) else ""), ranked
    ranked = evidence.article_ranking(mention, lang, memo, prior)
    doubt = sure >= DOUBT_CONFIDENCE and kind in kinds and memo.registry.entities[ranked[0][0]].type != kind
    if _clear(ranked):
        return ("" if doubt or evidence.contested(mention, ranked) else ranked[0][0]), ranked
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:  # a true tie: the one of them the article named last
        latest = evidence.named_latest(mention, {i for i, s in ranked if s == ranked[0][1]})
        if latest and not (sure >= DOUBT_CONFIDENCE and kind in kinds and memo.registry.entities[latest].type != kind):
            return latest, ranked
    return "", ranked


def _home_said(text: str, mention: Mention, evidence: _Evidence, memo: _Memo) -> str:
    """The place candidate that a place named right after the occurrence says ('Cambridge, England', 'Cambridge in
    eastern England'): the one whose home it is (:func:`homes`), else the one left when the others' names give
    another place after the form ('Cambridge, Massachusetts'); '' for none."""
    at = bisect_left(evidence.decided_starts, mention.end)
    if at == len(evidence.decided) or evidence.decided_starts[at] > mention.end + 14:  # the usual case
        return ""
    place = evidence.decided[at]
    gap = text[mention.end:place.start]
    words = gap.split()
    if not (gap == ", " or len(words) <= 2 and words and words[0] in ("in", "di") and words[-1] in (
            "in", "di", *COMPASS_WORDS)) or place.entity_id in mention.candidates:
        return ""
    entities = memo.registry.entities
    if entities[place.entity_id].type != "place":
        return ""
    places = [i for i in mention.candidates if entities[i].type == "place"]
    home = memo.homes()
    inside = [i for i in places if place.entity_id in home.get(i, ())]
    if inside:
        return inside[0] if len(inside) == 1 else ""
    elsewhere = {i for i in places if _named_elsewhere(entities[i], mention.surface, entities[place.entity_id])}
    left = [i for i in places if i not in elsewhere]
    return left[0] if elsewhere and len(left) == 1 else ""


def _named_elsewhere(entity, surface: str, place) -> bool:
    """Whether the entry's full names place ``surface`` in another place than ``place`` ('Cambridge,
    Massachusetts' for 'Cambridge, England')."""
    tails = {form[len(surface) + 2:] for form in entity.full_forms() if form.startswith(f"{surface}, ")}
    return bool(tails) and tails.isdisjoint(place.full_forms())


def _org_kinds(entity) -> frozenset[str]:
    """The kinds of organisation an entry's names, aliases and cues tell ('Sriwijaya Air': airline)."""
    if entity.type != "organization":
        return frozenset()
    words = [w for form in (*entity.full_forms(), *entity.cues) for w in _folded(form).split()]
    found = {ORG_KINDS[w] for w in words if w in ORG_KINDS}
    if any(form.endswith(" Air") for form in entity.full_forms()):
        found.add("airline")
    return frozenset(found)


def _last_words(text: str, start: int) -> list[str]:
    """The last words before ``start`` in its sentence (folded, as ``WORDS`` finds them), as many as :func:`type_said`
    reads: the last, and the one before it when the last is 'of', 'the' or a possessive."""
    chunk = text[start - 32 if start > 32 else 0:start]
    parts = chunk.rsplit(None, 2)
    if not parts or chunk[-1] == "\n":
        return []
    word = parts[-1]
    if word[-1] in SENTENCE_TAIL and word.rstrip(CLOSERS)[-1:] in SENTENCE_MARKS:
        return []  # another sentence's: 'kata seorang pemain.'
    if len(parts) > 1 or start <= 32:  # the last word is whole
        last = word.strip(MARKS).casefold()
        if last.isalnum():  # re's \w is isalnum() or '_', so WORDS finds the same word ('kemarin.', 'TNI,')
            if last not in LOOK_BACK:
                return [last]
            if len(parts) == 3 and (one := parts[1].strip(MARKS).casefold()).isalnum():
                return [one, last]
    return WORDS.findall(chunk.casefold())


def type_said(text: str, mention: Mention, before: list[str], lang: str = "") -> str | None:
    """The type the words at an occurrence give it: a word ``before`` it (folded; 'kota Santos', 'warga Santos',
    'the streets of Santos', 'para pemain Valencia', 'across the Amazon', in English a role: 'striker Jordan') or
    the head of an apposition after it ('Reading, a commuter town ...', 'Jackson, the newest justice ...')."""
    if before and before[-1] in DETERMINERS:
        if len(before) > 1 and before[-2] in PLACE_PREPOSITIONS:  # 'across the Amazon'
            return "place"
    elif before and before[-1] == "of":  # 'the streets of Santos'; not a person's: 'the governor of Washington'
        if len(before) > 1 and before[-2] in TYPE_BEFORE:
            return TYPE_BEFORE[before[-2]]
    elif before and before[-1] in TYPE_BEFORE:
        return TYPE_BEFORE[before[-1]]
    elif before and before[-1] in PERSON_BEFORE and lang == "en":  # 'striker Jordan'
        return "person"
    if text.startswith(", ", mention.end):
        stop = APPOSITION_END.search(text, mention.end + 2)
        words = WORDS.findall(text[mention.end + 2:stop.start() if stop else len(text)].casefold())[:4]
        while words and words[0] in APPOSITION_OPENERS:
            words = words[1:]
        for word in words[:3]:
            if word in APPOSITION_HEADS:
                return APPOSITION_HEADS[word]
            if word in PERSON_NOUNS:  # 'Jackson, the newest justice'
                return "person"
    return None


def _listed_after(text: str, end: int, table: dict[str, str]) -> str | None:
    """What ``table`` (lowercase words) gives the word right after ``end``, one space before it; None for a word
    it lacks or one written otherwise (capitalised: a name's own, 'Scottish National Party'). Callers first test
    ``text.startswith(<the table's STARTS>, end)``: the usual case, without a call."""
    found = NEXT_WORD.match(text, end)
    return table.get(found.group(1)) if found else None


def _type_after(text: str, end: int, lang: str) -> str | None:
    """The type a word right after an occurrence gives it: 'the Dortmund defence', 'Hull residents', 'Girona menang'."""
    if lang == "en":
        return _listed_after(text, end, TYPE_AFTER) if text.startswith(TYPE_AFTER_STARTS, end) else None
    return _listed_after(text, end, TYPE_AFTER_ID) if text.startswith(TYPE_AFTER_ID_STARTS, end) else None


def _ranked(scores: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """(id, score) pairs, scores rounded to 3 places, best first, ties by id."""
    if len(scores) == 2:  # the usual case, without a sort
        (a, x), (b, y) = scores
        one, two = (a, round(x, 3)), (b, round(y, 3))
        return [one, two] if one[1] > two[1] or one[1] == two[1] and a < b else [two, one]
    return sorted([(i, round(s, 3)) for i, s in scores], key=_best_first)


def _best_first(pair: tuple[str, float]) -> tuple[float, str]:
    return -pair[1], pair[0]


def _clear(ranked) -> bool:
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return ranked[0][1] >= MARGIN and ranked[0][1] - runner_up >= MARGIN
