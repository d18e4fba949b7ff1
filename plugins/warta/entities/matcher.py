"""Find registry entities in plain text: Aho-Corasick over exact forms, case rules, short forms."""

from __future__ import annotations

from dataclasses import dataclass
from typing import AbstractSet, Mapping

import ahocorasick

from warta.entities.registry import Registry

OPENERS = " \t\"'“‘«([*-–—"
SENTENCE_ENDS = ".!?:\n"


@dataclass(frozen=True, order=True, slots=True)
class Mention:
    start: int
    end: int
    entity_id: str
    surface: str
    via: str  # 'name' | 'alias' | 'short'


@dataclass(frozen=True)
class _Key:
    """What one surface string means: a full form of one entity and/or a short form of several."""

    length: int
    full: tuple[str, str] | None  # (entity id, via)
    shorts: tuple[str, ...]
    common_risk: bool  # one capitalised word that may be an ordinary word opening a sentence


def is_acronym(form: str) -> bool:
    return form == form.upper() and any(c.isalpha() for c in form)


def forms(registry: Registry) -> dict[str, _Key]:
    """Every surface the matcher accepts: each form as written, and in capitals (headlines)
    for forms that are not acronyms already. A form as written beats another's capitals."""
    full: dict[str, tuple[str, str]] = {}
    shorts: dict[str, list[str]] = {}
    for entity in registry.entities.values():
        for form in entity.full_forms():
            full.setdefault(form, (entity.id, "name" if form in (entity.name, *entity.names.values()) else "alias"))
        for form in entity.short:
            shorts.setdefault(form, []).append(entity.id)
    caps_full: dict[str, tuple[str, str]] = {}
    caps_short: dict[str, list[str]] = {}
    for form, owner in full.items():
        if not is_acronym(form):
            caps_full.setdefault(form.upper(), owner)
    for form, ids in shorts.items():
        if not is_acronym(form):
            caps_short.setdefault(form.upper(), []).extend(ids)
    keys: dict[str, _Key] = {}
    for layer_full, layer_short in ((full, shorts), (caps_full, caps_short)):
        for form in sorted(set(layer_full) | set(layer_short)):
            if form in keys:
                continue
            risk = " " not in form and not is_acronym(form)
            keys[form] = _Key(len(form), layer_full.get(form), tuple(sorted(set(layer_short.get(form, ())))), risk)
    return keys


class Matcher:
    """Built once per registry; ``match`` is pure and cheap."""

    def __init__(self, registry: Registry, common_words: Mapping[str, AbstractSet[str]] | None = None):
        self.registry = registry
        self.common_words = {lang: frozenset(words) for lang, words in (common_words or {}).items()}
        self._automaton = ahocorasick.Automaton()
        for form, key in forms(registry).items():
            self._automaton.add_word(form, (key.length, key.full, key.shorts, key.common_risk))
        if len(self._automaton):
            self._automaton.make_automaton()

    def match(self, text: str, lang: str) -> list[Mention]:
        """Mentions in text order: leftmost-longest, whole words, short forms resolved."""
        if not len(self._automaton):
            return []
        common = self.common_words.get(lang)
        hits = []
        size = len(text)
        for last, value in self._automaton.iter(text):
            end = last + 1
            start = end - value[0]
            if (start and text[start - 1].isalnum()) or (end < size and text[end].isalnum()):
                continue
            if value[3] and common and text[start:end].lower() in common and opens_sentence(text, start):
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
    """Keep leftmost-longest non-overlapping hits; a short form goes to the entity among its
    owners whose full form was seen last before it, and is dropped when none was."""
    mentions = []
    seen: dict[str, int] = {}
    reach = 0
    for start, negative_end, (_, full, shorts, _) in hits:
        if start < reach:
            continue
        end = reach = -negative_end
        if full:
            entity_id, via = full
            seen[entity_id] = start
        else:
            known = [(seen[i], i) for i in shorts if i in seen]
            if not known:
                continue
            entity_id, via = max(known)[1], "short"
        mentions.append(Mention(start, end, entity_id, text[start:end], via))
    return mentions

