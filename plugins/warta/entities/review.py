"""The review list of names the registry lacks (`invoke entities`), and accepting or rejecting one (pure
except :func:`accept` and :func:`reject`, which append text to a registry file after validating it)."""

from __future__ import annotations

import json
import re
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from slugify import slugify

from warta.entities.discovery import ORG_HEADS, ORG_TAILS, PLACE_HEADS, PLACE_TAILS, Candidate
from warta.entities.lexicon import ordinary
from warta.entities.registry import REJECTED, TYPES, load_registry
from warta.problems import Problem, did_you_mean
from warta.source.layout import shown

# Words that only say what kind of thing a name is; they differ across languages ('Kosmodrom' /
# 'Cosmodrome'), so variants are grouped on the other words.
KIND_WORDS = ORG_HEADS | ORG_TAILS | PLACE_HEADS | PLACE_TAILS | frozenset(
    "kosmodrom bandar antariksa universitas kementerian ministry the of".split())
FILES = {"person": "people.yml", "organization": "organizations.yml", "place": "places.yml"}


@dataclass(frozen=True)
class Suggestion:
    name: str  # in the site's default language when seen there
    names: tuple[tuple[str, str], ...]  # (lang, name) when the variants differ by language
    variants: tuple[str, ...]  # every spelling seen, the name first
    type_guess: str | None  # None: an event or a document (not person/organization/place)
    confidence: float
    count: int
    articles: tuple[str, ...]  # urls, sorted
    sentence: str
    shown: bool  # tagged on pages now (confidence at or above the threshold)
    aliases: tuple[str, ...] = ()


def variant_key(name: str) -> tuple[str, ...]:
    """'Kosmodrom Vostochny', 'Vostochny Cosmodrome' and 'VOSTOCHNY COSMODROME' share ('vostochny',); the words
    left once the kind words are gone must hold a name, not only ordinary words: 'Istana Negara' (the palace) and
    'Kota Negara' share no key."""
    words = [w for w in re.split(r"[\s\-‐]+", name.casefold()) if w]
    core = [w for w in words if w not in KIND_WORDS]
    if core != words and all(ordinary(w, "id") for w in core):
        core = words
    return tuple(sorted(core or words))


def suggestions(found, threshold: float, default_lang: str, rejected=frozenset()) -> list[Suggestion]:
    """``found``: (url, lang, Candidate) for every candidate of every article (discover at threshold 0).
    Variants are grouped; rejected names are left out. Most mentioned first."""
    groups: dict[tuple[str, ...], list[tuple[str, str, Candidate]]] = {}
    for url, lang, candidate in found:
        if candidate.name not in rejected:
            groups.setdefault(variant_key(candidate.name), []).append((url, lang, candidate))
    out = []
    for items in groups.values():
        spelled = Counter()
        by_lang: dict[str, Counter] = {}
        kinds = Counter()
        for _, lang, c in items:
            spelled[c.name] += c.count
            by_lang.setdefault(lang, Counter())[c.name] += c.count
            kinds[c.type_guess or ""] += c.confidence * c.count
        best = {lang: max(sorted(counter), key=counter.__getitem__) for lang, counter in by_lang.items()}
        name = best.get(default_lang) or max(sorted(spelled), key=spelled.__getitem__)
        names = tuple(sorted(best.items())) if len(set(best.values())) > 1 else ()
        confidence = max(c.confidence for _, _, c in items)
        kind = max(sorted(kinds), key=kinds.__getitem__) or None
        first = next(c for _, _, c in items if c.name == name)
        out.append(Suggestion(
            name=name, names=names, variants=(name, *sorted(set(spelled) - {name})), type_guess=kind,
            confidence=round(confidence, 2), count=sum(spelled.values()),
            articles=tuple(sorted({url for url, _, _ in items})), sentence=first.sentence,
            shown=confidence >= threshold and kind is not None,
            aliases=tuple(sorted({a for _, _, c in items for a in c.aliases}))))
    return sorted(out, key=lambda s: (-s.count, s.name.casefold(), s.name))


def describe(s: Suggestion) -> str:
    """Lines an editor reads: what, how often, where, how sure, shown or not, and an example."""
    kind = s.type_guess or "event/document (not shown)"
    lines = [f"{s.name}: {s.count} mention(s) in {len(s.articles)} article(s); type guess {kind}, "
             f"confidence {s.confidence:.2f}; {'shown to readers now' if s.shown else 'review list only'}"]
    if s.names:
        lines.append("  names: " + ", ".join(f"{lang}: {value}" for lang, value in s.names))
    if len(s.variants) > 1:
        lines.append(f"  also written: {', '.join(s.variants[1:])}")
    if s.aliases:
        lines.append(f"  abbreviated: {', '.join(s.aliases)}")
    lines.append(f"  in: {', '.join(s.articles[:3])}{' ...' if len(s.articles) > 3 else ''}")
    lines.append(f"  e.g. {s.sentence}")
    return "\n".join(lines)


def entry(entity_id: str, name: str, kind: str, names=(), aliases=()) -> str:
    """A registry entry as YAML text (JSON strings are YAML scalars: quotes and colons stay safe)."""
    q = lambda value: json.dumps(value, ensure_ascii=False)
    lines = [f"- id: {entity_id}", f"  name: {q(name)}", f"  type: {kind}"]
    if names:
        lines.append("  names: {" + ", ".join(f"{lang}: {q(value)}" for lang, value in names) + "}")
    if aliases:
        lines.append("  aliases: [" + ", ".join(q(a) for a in aliases) + "]")
    return "\n".join(lines) + "\n"


def registry_file(directory: Path, kind: str) -> Path:
    """The file whose entries are mostly of ``kind``; else people.yml, organizations.yml or places.yml."""
    registry, _ = load_registry(directory)
    votes = Counter(e.path for e in registry.entities.values() if e.type == kind)
    if votes:
        where = max(sorted(votes), key=votes.__getitem__)
        for path in sorted(Path(directory).rglob("*.yml")):
            if shown(path) == where:
                return path
    return Path(directory) / FILES[kind]


def _appended(path: Path, text: str) -> str:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if old and not old.endswith("\n"):
        old += "\n"
    return old + ("\n" if old.strip() else "") + text


def _validated(directory: Path, path: Path, new_text: str) -> list[Problem]:
    """Problems of the registry with ``path`` holding ``new_text``, checked in a copy (as a hand edit
    would be by `invoke check`), reported against the real file names."""
    directory = Path(directory)
    with tempfile.TemporaryDirectory() as scratch:
        copy = Path(scratch) / "entities"
        shutil.copytree(directory, copy) if directory.is_dir() else copy.mkdir()
        target = copy / path.relative_to(directory)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(new_text, encoding="utf-8")
        _, problems = load_registry(copy)
        prefix = shown(copy)
        return [Problem(p.path.replace(prefix, shown(directory), 1), p.line, p.message, p.hint) for p in problems]


def accept(directory: Path, name: str, kind: str | None, entity_id: str | None = None,
           suggestion: Suggestion | None = None) -> tuple[Path | None, list[Problem]]:
    """Append an entry for ``name`` to the registry file of its type; nothing is written on a problem
    (an existing id, a name another entity claims, a bad id or type)."""
    directory = Path(directory)
    where = shown(directory)
    kind = kind or (suggestion.type_guess if suggestion else None)
    if kind not in TYPES:
        return None, [Problem(where, None, f"'{name}' needs a type: --type person, organization or place"
                              if not kind else f"unknown type '{kind}'", did_you_mean(kind or "", TYPES))]
    entity_id = entity_id or slugify(name)
    registry, before = load_registry(directory)
    if before:
        return None, before
    if entity_id in registry.entities:
        other = registry.entities[entity_id]
        return None, [Problem(other.path, other.line, f"id '{entity_id}' already exists; choose another with --as")]
    for other in registry.entities.values():
        if name in (*other.full_forms(), *other.short):
            return None, [Problem(other.path, other.line, f"'{name}' is already a form of '{other.id}'",
                                  "a name of two entries is written into the registry by hand (docs/entities.md)")]
    names = suggestion.names if suggestion else ()
    # Every other spelling seen becomes an alias ('Kim Jong-il' beside 'Kim Jong Il'), and so do acronyms.
    spelled = {name, *(value for _, value in names)}
    aliases = tuple(dict.fromkeys(
        [*(v for v in (suggestion.variants if suggestion else ()) if v not in spelled),
         *(suggestion.aliases if suggestion else ())]))
    path = registry_file(directory, kind)
    text = _appended(path, entry(entity_id, name, kind, names, aliases))
    problems = _validated(directory, path, text)
    if problems:
        return None, problems
    path.write_text(text, encoding="utf-8")
    return path, []


def reject(directory: Path, *names: str) -> tuple[Path | None, list[Problem]]:
    """Add ``names`` (a name and its other spellings) to content/entities/rejected.yml, kept in order
    with its comments."""
    directory = Path(directory)
    path = directory / REJECTED
    registry, before = load_registry(directory)
    if before:
        return None, before
    new = [n for n in dict.fromkeys(names) if n not in registry.rejected]
    if not new:
        return path, []
    old = path.read_text(encoding="utf-8") if path.exists() else (
        "# Names reviewed and rejected with `invoke entities --reject`: never offered again, never shown.\n")
    if old and not old.endswith("\n"):
        old += "\n"
    text = old + "".join(f"- {json.dumps(name, ensure_ascii=False)}\n" for name in new)
    problems = _validated(directory, path, text)
    if problems:
        return None, problems
    path.write_text(text, encoding="utf-8")
    return path, []
