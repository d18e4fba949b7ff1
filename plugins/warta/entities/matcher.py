"""Find registry entities in plain text: Aho-Corasick over exact forms, case rules, short forms."""

from __future__ import annotations

from dataclasses import dataclass
from sys import intern
from typing import AbstractSet, Mapping

import ahocorasick

from warta.entities.registry import Registry

OPENERS = " \t\"'“‘«([*-–—"
SENTENCE_ENDS = ".!?:\n"


@dataclass(frozen=True, order=True, slots=True, init=False)
class Mention:
    start: int
    end: int
    entity_id: str  # "" while the form is shared and not yet decided (see warta.entities.linking)
    surface: str
    via: str  # 'name' | 'alias' | 'short' | 'shared'
    candidates: tuple[str, ...] = ()  # the entries a shared form may be, sorted; () when decided

    def __init__(self, start: int, end: int, entity_id: str, surface: str, via: str,
                 candidates: tuple[str, ...] = ()):
        # Each slot set by its descriptor: a frozen dataclass's own __init__ (object.__setattr__ per field) costs
        # three times as much, and a build makes a Mention per match and per link, again when reading its cache.
        _START(self, start)
        _END(self, end)
        _ENTITY_ID(self, entity_id)
        _SURFACE(self, surface)
        _VIA(self, via)
        _CANDIDATES(self, candidates)

    def __reduce__(self):  # back from the forked workers by the thousand: 2.5 us each against 4.1 us by default
        return Mention, (self.start, self.end, self.entity_id, self.surface, self.via, self.candidates)


_START, _END, _ENTITY_ID, _SURFACE, _VIA, _CANDIDATES = (
    Mention.__dict__[name].__set__ for name in ("start", "end", "entity_id", "surface", "via", "candidates"))


@dataclass(frozen=True)
class _Key:
    """What one surface string means: a full form of some entities and/or a short form of some."""

    length: int
    full: tuple[tuple[str, str], ...]  # (entity id, via), by id
    shorts: tuple[str, ...]


def is_acronym(form: str) -> bool:
    return form == form.upper() and any(c.isalpha() for c in form)


def forms(registry: Registry) -> dict[str, _Key]:
    """Every surface the matcher accepts: each form as written, and in capitals (headlines)
    for forms that are not acronyms already. A form as written beats another's capitals."""
    full: dict[str, dict[str, str]] = {}
    shorts: dict[str, set[str]] = {}
    for entity in registry.entities.values():
        for form in entity.full_forms():
            full.setdefault(form, {})[entity.id] = entity.via(form)
        for form in entity.short:
            shorts.setdefault(form, set()).add(entity.id)
    caps_full: dict[str, dict[str, str]] = {}
    caps_short: dict[str, set[str]] = {}
    for form, owners in full.items():
        if not is_acronym(form):
            caps_full.setdefault(form.upper(), {}).update(owners)
    for form, ids in shorts.items():
        if not is_acronym(form):
            caps_short.setdefault(form.upper(), set()).update(ids)
    keys: dict[str, _Key] = {}
    for layer_full, layer_short in ((full, shorts), (caps_full, caps_short)):
        for form in sorted(set(layer_full) | set(layer_short)):
            if form not in keys:
                owners = layer_full.get(form, {})
                keys[form] = _Key(len(form), tuple(sorted(owners.items())), tuple(sorted(layer_short.get(form, ()))))
    return keys


class Matcher:
    """Built once per registry; ``match`` is pure and cheap."""

    def __init__(self, registry: Registry):
        self.registry = registry
        self._automaton = ahocorasick.Automaton()
        for form, key in forms(registry).items():
            self._automaton.add_word(form, (key.length, key.full, key.shorts))
        if len(self._automaton):
            self._automaton.make_automaton()

    def match(self, text: str, lang: str) -> list[Mention]:
        """Mentions in text order: leftmost-longest, whole words; short forms resolved, shared forms left
        with their candidates."""
        if not len(self._automaton):
            return []
        hits = []
        size = len(text)
        for last, value in self._automaton.iter(text):
            end = last + 1
            start = end - value[0]
            if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
                continue
            hits.append((start, -end, value))
        hits.sort()  # by start, longest first; no two hits share a span, so values are never compared
        return _resolve(text, hits)


def opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in OPENERS:
        i -= 1
    return i < 0 or text[i] in SENTENCE_ENDS


def _resolve(text: str, hits) -> list[Mention]:
    """Keep leftmost-longest non-overlapping hits. A short form goes to its owner whose full form the text has
    ('Putin' in a headline, 'Vladimir Putin' in the lede); when the text names none, to its owners all the same,
    for the linker to confirm ('Palu' of Kota Palu) or decide; a form of several entries (full forms, a full form
    and short forms, or a short form of several entries the text names in full or none of them) keeps them all
    as candidates."""
    kept, reach = [], 0
    for start, negative_end, value in hits:
        if start >= reach:
            reach = -negative_end
            kept.append((start, reach, value[1], value[2]))
    first: dict[str, int] = {}
    for start, _, full, _ in kept:
        if len(full) == 1:
            first.setdefault(full[0][0], start)
    mentions = []
    seen: dict[str, int] = {}
    for start, end, full, shorts in kept:
        known = [(seen[i], i) for i in shorts if i in seen]
        later = [(first[i], i) for i in shorts if i in first]
        short = {max(known)[1]} if known else {min(later)[1]} if later else set(shorts)
        if not full and len(named := {i for _, i in known + later}) > 1:
            short = named  # several owners named in full: the linker reads the occurrence, else the last named
        # Beside a full form, a short form's owners are candidates even when the text never names them in full
        # ('Georgia': the country, and the US state's short form); alone, a short form needs its full form.
        owners = {entity_id for entity_id, _ in full} | (short or set(shorts)) if full else short
        if len(owners) > 1:
            mentions.append(Mention(start, end, "", intern(text[start:end]), "shared", tuple(sorted(owners))))
        elif owners:
            entity_id = owners.pop()
            via = full[0][1] if full else "short"
            if full:
                seen[entity_id] = start
            mentions.append(Mention(start, end, entity_id, intern(text[start:end]), via))  # interned: held once
    return mentions
