"""Decide what each registry match of one article names (pure), as an editor reads it:

- a match strictly inside a longer proper name that the registry lacks is no mention ('Jordan' in 'Jordan
  Henderson', 'Jakarta' in 'Kejaksaan Negeri Jakarta Barat'); an organisation followed by a place in one name
  ('Mahkamah Agung Amerika Serikat') is that place's, unless the place is in the organisation's ``context``;
- a one-word form opening a sentence that is an ordinary word (``warta.entities.lexicon``) is a mention only
  where the model of names sees a name ('Antara melaporkan', not 'Antara lain'), or when ``always_name``;
- a form of several entries goes to the one the article points to (:func:`score`) by a clear margin, to the
  front-matter's choice, or to none: it then stays ``Ambiguous``, with its candidates, for the review report.

Names come from ``warta.entities.names.name_spans`` (titles are never part of a name, so 'Presiden Rusia
Vladimir Putin' still names Russia and Putin)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from warta.entities.discovery import TITLES
from warta.entities.matcher import Mention, is_acronym, opens_sentence
from warta.entities.registry import Registry

MARGIN = 1.0  # the winner's score must beat the runner-up's by this much, and reach it
SAME_ARTICLE, CO_MENTION, CUE, LANGUAGE, PRIOR = 3.0, 2.0, 1.0, 0.5, 0.5
MAX_CO_MENTIONS, MAX_CUES = 2, 2
WORDS = re.compile(r"[^\W_]+")


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
         ordinary: Callable[[str, str], bool] = lambda word, lang: False) -> Linked:
    """The article's mentions once nested names, ordinary words and shared forms are decided. ``names``: the
    article's proper-name spans (``warta.entities.names.Name``: none overlaps another; events and documents,
    type None, hold no one: 'KTT ASEAN' names ASEAN); ``overrides``: form -> id from front-matter; ``prior``: entity id
    -> articles of the site that name it unambiguously; ``ordinary(word, lang)``: the lexicon."""
    kept, dropped = [], []
    names = sorted(n for n in names if n.type)
    starts = [n.start for n in names]
    for mention in mentions:
        why = _nested(text, mention, mentions, names, starts, registry) or _ordinary_opener(
            text, lang, mention, starts, registry, ordinary)
        if why:
            dropped.append((mention, why))
        else:
            kept.append(mention)
    overrides = overrides or {}
    decided = [m for m in kept if not m.candidates]
    evidence = _Evidence(text, {m.entity_id for m in decided}, category)
    out, ambiguous, choice = [], [], {}
    for mention in kept:
        if not mention.candidates:
            out.append(mention)
            continue
        if mention.surface not in choice:
            choice[mention.surface] = _choose(mention, lang, registry, evidence, overrides, prior or {})
        winner, ranked = choice[mention.surface]
        if winner:
            out.append(replace(mention, entity_id=winner, via=registry.entities[winner].via(mention.surface),
                               candidates=()))
        else:
            ambiguous.append(Ambiguous(mention.start, mention.end, mention.surface,
                                       tuple(i for i, _ in ranked), tuple(s for _, s in ranked)))
    return Linked(tuple(out), tuple(ambiguous), tuple(dropped))


def owners(mention: Mention) -> tuple[str, ...]:
    return mention.candidates or (mention.entity_id,)


def _nested(text: str, mention: Mention, mentions: Sequence[Mention], names, starts, registry: Registry) -> str:
    """'nested' when ``mention`` lies strictly inside the name around it (names never overlap)."""
    at = bisect_right(starts, mention.start) - 1
    if at >= 0:
        start, end = starts[at], names[at].end
        if end < mention.end or (start, end) == (mention.start, mention.end):
            return ""
        inside = [m for m in mentions if start <= m.start and m.end <= end]
        rest = list(text[start:end])
        for other in inside:
            rest[other.start - start:other.end - start] = " " * (other.end - other.start)
        words = [w for w in "".join(rest).split() if w[:1].isupper() and w.lower() not in TITLES]
        if words:  # the name holds more than registered names and titles: 'Jordan Henderson', 'Laut Jawa'
            title_construction = (names[at].type == "person" and mention.start == start and len(words) >= 2
                                  and all(registry.entities[i].type != "person" for i in owners(mention)))
            return "" if title_construction else "nested"  # not '(juru bicara) Kremlin Dmitry Peskov'
        later_places = {i for m in inside if m.start >= mention.end for i in owners(m)
                        if registry.entities[i].type == "place"}
        mine = [registry.entities[i] for i in owners(mention)]
        if later_places and all(e.type == "organization" for e in mine) and not any(
                later_places & set(e.context) for e in mine):
            return "nested"  # 'Mahkamah Agung Amerika Serikat': another country's court
    return ""


def _ordinary_opener(text: str, lang: str, mention: Mention, starts, registry: Registry, ordinary) -> str:
    surface = mention.surface
    if " " in surface or is_acronym(surface) or not opens_sentence(text, mention.start):
        return ""
    if any(registry.entities[i].always_name for i in owners(mention)) or not ordinary(surface, lang):
        return ""
    at = bisect_left(starts, mention.start)
    if at < len(starts) and starts[at] == mention.start:
        return ""  # the model of names reads a name here
    return "ordinary word"


class _Evidence:
    """What one article says, for scoring candidates: entities it names unambiguously, its words."""

    def __init__(self, text: str, named: set[str], category: str):
        self.named, self._text, self._folded = named, f"{text} {category}", ""

    def says(self, words: str) -> bool:
        if not self._folded:  # only articles with a shared form need their words
            self._folded = _folded(self._text)
        return _folded(words) in self._folded


def _folded(text: str) -> str:
    """' word word ': words only, case-folded, for whole-word phrase search."""
    return f" {' '.join(WORDS.findall(text.casefold()))} "


def score(entity, surface: str, lang: str, evidence: _Evidence, prior: float) -> float:
    """How strongly one article points to one candidate entry of a shared form."""
    points = SAME_ARTICLE if entity.id in evidence.named else 0.0
    points += CO_MENTION * min(MAX_CO_MENTIONS, sum(i in evidence.named for i in entity.context))
    points += CUE * min(MAX_CUES, sum(evidence.says(cue) for cue in entity.cues))
    if entity.names.get(lang) == surface:
        points += LANGUAGE
    return points + PRIOR * prior


def _choose(mention: Mention, lang: str, registry: Registry, evidence: _Evidence, overrides, prior):
    """(winner or '', [(id, score)] best first)."""
    chosen = overrides.get(mention.surface)
    if chosen:
        return chosen, [(chosen, 0.0)]
    most = max((prior.get(i, 0) for i in mention.candidates), default=0) or 1
    ranked = sorted(((i, round(score(registry.entities[i], mention.surface, lang, evidence, prior.get(i, 0) / most),
                                3)) for i in mention.candidates), key=lambda pair: (-pair[1], pair[0]))
    best = ranked[0][1]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return (ranked[0][0] if best >= MARGIN and best - runner_up >= MARGIN else ""), ranked
