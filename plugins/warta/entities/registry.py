"""Load and validate the entity registry (``content/entities/*.yml``)."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping, Sequence

import yaml

from warta.problems import Problem, did_you_mean
from warta.source.layout import YAML_SUFFIXES, shown, walk
from warta.source.slugs import slug_problem
from warta.source.xmlchars import read_text
from warta.source.yamlnodes import compose, line_of, plain, text_of

TYPES = ("person", "organization", "place")
KEYS = ("id", "name", "type", "names", "aliases", "short", "description", "wikidata", "image",
        "context", "cues", "always_name")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
QID = re.compile(r"Q[1-9][0-9]*\Z")
URL = re.compile(r"(?:https?://\S+|/\S*)\Z")   # as in front-matter: never javascript: or data:
REJECTED = "rejected.yml"  # names an editor reviewed and refused (`invoke entities --reject`): a list of strings
REJECTED_FILES = (REJECTED, "rejected.yaml")


@dataclass(frozen=True)
class Entity:
    id: str
    name: str
    type: str
    names: Mapping[str, str] = field(default_factory=dict)
    aliases: tuple[str, ...] = ()
    short: tuple[str, ...] = ()
    description: str = ""
    wikidata: str = ""
    image: Mapping[str, str] = field(default_factory=dict)
    context: tuple[str, ...] = ()  # ids of entries whose mention in an article points to this one
    cues: tuple[str, ...] = ()  # words or phrases (any case) whose presence in an article points here
    always_name: bool = False  # a one-word name that is also an ordinary word, linked even opening a sentence
    path: str = ""
    line: int = 0
    context_line: int = 0

    def full_forms(self) -> tuple[str, ...]:
        """Name, per-language names and aliases, without repeats, in that order."""
        return tuple(dict.fromkeys((self.name, *self.names.values(), *self.aliases)))

    def display_name(self, lang: str) -> str:
        return self.names.get(lang, self.name)

    def via(self, form: str) -> str:
        """How ``form`` names this entry: 'name', 'alias' or 'short'."""
        return "name" if form in (self.name, *self.names.values()) else "alias" if form in self.aliases else "short"


@dataclass(frozen=True)
class Registry:
    entities: Mapping[str, Entity] = field(default_factory=dict)
    digest: str = ""
    rejected: frozenset[str] = frozenset()  # never offered again, never shown to readers

    def __contains__(self, entity_id: str) -> bool:
        return entity_id in self.entities

    def get(self, entity_id: str) -> Entity | None:
        return self.entities.get(entity_id)


def make_registry(entities, rejected=frozenset()) -> Registry:
    """A registry of the given entities (sorted by id) and rejected names, with its content digest."""
    by_id = {e.id: e for e in sorted(entities, key=lambda e: e.id)}
    content = [
        [e.id, e.name, e.type, sorted(e.names.items()), list(e.aliases), list(e.short),
         e.description, e.wikidata, sorted(e.image.items()), list(e.context), list(e.cues), e.always_name]
        for e in by_id.values()
    ]
    if rejected:
        content.append(sorted(rejected))
    digest = hashlib.sha256(json.dumps(content, ensure_ascii=False).encode()).hexdigest()
    return Registry(by_id, digest, frozenset(rejected))


def load_registry(source: Path | Sequence[Path]) -> tuple[Registry, list[Problem]]:
    """Read every ``*.yml``/``*.yaml`` under a folder, or the given files; entries with fatal problems are left out.

    A folder is walked by :func:`warta.source.layout.walk` (links out, hidden and unreadable files refused)."""
    problems: list[Problem] = []
    entities: list[Entity] = []
    rejected: set[str] = set()
    if isinstance(source, (str, Path)):
        paths, problems = walk(Path(source)) if Path(source).is_dir() else ([], [])
        paths = [p for p in paths if p.suffix in YAML_SUFFIXES]
    else:
        paths = list(source)
    for path in paths:
        if path.name in REJECTED_FILES:
            names, file_problems = read_rejected(path)
            rejected.update(names)
        else:
            found, file_problems = _read_file(path)
            entities += found
        problems += file_problems
    kept, cross = _check_across(entities)
    return make_registry(kept, frozenset(rejected)), problems + cross


def read_rejected(path: Path) -> tuple[list[str], list[Problem]]:
    """The names in a ``rejected.yml`` (a YAML list of non-empty strings)."""
    where = shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return [], [Problem(where, None, f"cannot read the file: {error}")]
    root, problems = compose(text, where)
    if problems or root is None:
        return [], problems
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(where, line_of(root), "rejected names must be a list of strings",
                            hint="one '- Name' per line")]
    names, problems = [], []
    for node in root.value:
        value = text_of(node) if isinstance(node, yaml.ScalarNode) else None
        if not value or not value.strip():
            problems.append(Problem(where, line_of(node), "a rejected name must be a non-empty string"))
        else:
            names.append(value.strip())
    return names, problems


# Each file's entries as last read, by its shown path and text: a build reads the registry twice (its lint, then
# Pelican's), and parsing is the cost, not reading.
_READ: dict[str, tuple[str, list[Entity], list[Problem]]] = {}


def _read_file(path: Path) -> tuple[list[Entity], list[Problem]]:
    where = shown(path)
    text, problems = read_text(path, where)
    if text is None:
        return [], problems
    known = _READ.get(where)
    if known is None or known[0] != text:
        known = _READ[where] = (text, *_parse_file(where, text))
    return list(known[1]), list(known[2])


def _parse_file(where: str, text: str) -> tuple[list[Entity], list[Problem]]:
    root, problems = compose(text, where)
    if problems:
        return [], problems
    if root is None:
        return [], []
    if not isinstance(root, yaml.SequenceNode):
        return [], [Problem(where, line_of(root), "the top level must be a list of entities",
                            hint="start each entry with '- id: ...'")]
    entities, problems = [], []
    for node in root.value:
        entity, found = _read_entry(where, node)
        problems += found
        if entity:
            entities.append(entity)
    return entities, problems


def _read_entry(path: str, node) -> tuple[Entity | None, list[Problem]]:
    line = line_of(node)
    if not isinstance(node, yaml.MappingNode):
        return None, [Problem(path, line, "an entry must be a mapping (id, name, type, ...)")]
    problems = []
    fields: dict = {}
    lines: dict = {}
    for key_node, value_node in node.value:
        key = str(plain(key_node))
        if key not in KEYS:
            problems.append(Problem(path, line_of(key_node), f"unknown key '{key}'", did_you_mean(key, KEYS)))
            continue
        fields[key] = value_node
        lines[key] = line_of(key_node)

    def text(key):
        if key not in fields:
            return ""
        if not isinstance(fields[key], yaml.ScalarNode):
            problems.append(Problem(path, lines[key], f"'{key}' must be a string"))
            return ""
        return (text_of(fields[key]) or "").strip()

    def strings(key):
        value = plain(fields[key]) if key in fields else None
        value = [] if value is None else value
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            problems.append(Problem(path, lines[key], f"'{key}' must be a list of non-empty strings"))
            return ()
        return tuple(dict.fromkeys(v.strip() for v in value))

    def mapping(key):
        value = plain(fields[key]) if key in fields else None
        value = {} if value is None else value
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            problems.append(Problem(path, lines[key], f"'{key}' must be a mapping of strings"))
            return {}
        return {str(k): v.strip() for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}

    entity_id, name, kind = text("id"), text("name"), text("type")
    fatal = False
    if not entity_id:
        problems.append(Problem(path, line, "entry without an id"))
        fatal = True
    elif not SLUG.match(entity_id):
        problems.append(Problem(path, lines["id"], f"id '{entity_id}' is not a slug",
                                hint="use lowercase letters, digits and single hyphens"))
        fatal = True
    elif slug_problem(entity_id, "the id"):
        problems.append(Problem(path, lines["id"], slug_problem(entity_id, "the id"), hint="shorten it"))
        fatal = True
    if not name:
        problems.append(Problem(path, line, f"entry '{entity_id}' has no name"))
        fatal = True
    if kind not in TYPES:
        message = f"unknown type '{kind}'" if kind else "entry without a type"
        problems.append(Problem(path, lines.get("type", line), message, did_you_mean(kind, TYPES)))
        fatal = True
    wikidata = text("wikidata")
    if wikidata and not QID.match(wikidata):
        problems.append(Problem(path, lines["wikidata"], f"wikidata '{wikidata}' is not a QID",
                                hint="like Q56226"))
        wikidata = ""
    always_name = False
    if "always_name" in fields:
        always_name = plain(fields["always_name"])
        if not isinstance(always_name, bool):
            problems.append(Problem(path, lines["always_name"], "'always_name' must be true or false"))
            always_name = False
    image = mapping("image")
    if image.get("url") and not URL.match(image["url"]):
        problems.append(Problem(path, lines["image"], f"image url is not an http(s) URL: {image['url']!r}"))
        image = {key: value for key, value in image.items() if key != "url"}
    entity = Entity(
        id=entity_id, name=name, type=kind, names=mapping("names"), aliases=strings("aliases"),
        short=strings("short"), description=text("description"), wikidata=wikidata,
        image=image, context=strings("context"), cues=strings("cues"), always_name=always_name,
        path=path, line=line, context_line=lines.get("context", line),
    )
    return (None if fatal else entity), problems


def _check_across(entities: list[Entity]) -> tuple[list[Entity], list[Problem]]:
    """Duplicate ids, and ``context`` ids that are no entry (or the entry itself). Shared forms are allowed:
    see :func:`shared_forms`."""
    problems = []
    first: dict[str, Entity] = {}
    for entity in entities:
        if entity.id in first:
            other = first[entity.id]
            problems.append(Problem(entity.path, entity.line, f"duplicate id '{entity.id}'",
                                    hint=f"first defined at {other.path}:{other.line}"))
        else:
            first[entity.id] = entity
    for entity in first.values():
        for other in entity.context:
            if other not in first or other == entity.id:
                problems.append(Problem(entity.path, entity.context_line,
                                        f"context of '{entity.id}' names unknown entity id '{other}'",
                                        did_you_mean(other, first) if other != entity.id else "not itself"))
    return list(first.values()), problems


def shared_forms(registry: Registry) -> dict[str, tuple[str, ...]]:
    """Each form (name, alias or short form) that belongs to more than one entry -> those entries' ids."""
    owners: dict[str, set[str]] = {}
    for entity in registry.entities.values():
        for form in (*entity.full_forms(), *entity.short):
            owners.setdefault(form, set()).add(entity.id)
    return {form: tuple(sorted(ids)) for form, ids in sorted(owners.items()) if len(ids) > 1}
