"""Stories: ``content/stories/<slug>.yml`` gives a running story its title, summary and key entities."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from warta.problems import Problem, did_you_mean
from warta.source.frontmatter import LANGS, SLUG
from warta.source.layout import shown
from warta.source.slugs import slug_problem
from warta.source.xmlchars import read_text
from warta.source.yamlnodes import compose, line_of, text_of

KEYS = ("title", "summary", "entities", "lang")


@dataclass(frozen=True)
class Story:
    slug: str
    title: str
    summary: str = ""
    entities: tuple[str, ...] = ()
    lang: str | None = None
    path: str = ""
    line: int = 1
    entity_lines: tuple[int, ...] = ()


def load_stories(paths: list[Path]) -> tuple[dict[str, Story], list[Problem]]:
    """Read every story file; a bad file gives problems, never an exception."""
    stories: dict[str, Story] = {}
    problems: list[Problem] = []
    for path in paths:
        story, found = read_story(path)
        problems += found
        if story is None:
            continue
        if story.slug in stories:
            problems.append(Problem(story.path, 1, f"story '{story.slug}' is defined twice",
                                    f"also in {stories[story.slug].path}; keep one file"))
        else:
            stories[story.slug] = story
    return stories, problems


def read_story(path: Path) -> tuple[Story | None, list[Problem]]:
    name = shown(path)
    if not SLUG.match(path.stem):
        return None, [Problem(name, 1, f"story file name '{path.stem}' is not a slug",
                              "use lowercase letters, digits and hyphens: korut-rusia.yml")]
    reason = slug_problem(path.stem, "the story file name")
    if reason:
        return None, [Problem(name, 1, reason, "shorten the file name")]
    text, problems = read_text(path, name)
    if text is None:
        return None, problems
    root, problems = compose(text, name)
    if problems:
        return None, problems
    if not isinstance(root, yaml.MappingNode):
        return None, [Problem(name, 1, "a story file must be a mapping with title, summary and entities")]
    values: dict[str, yaml.Node] = {}
    for key_node, value_node in root.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else "?"
        if key not in KEYS:
            problems.append(Problem(name, line_of(key_node), f"unknown field '{key}'", did_you_mean(key, KEYS)))
        else:
            values[key] = value_node
    title = text_of(values["title"]) if "title" in values else None
    if not title or not title.strip():
        problems.append(Problem(name, line_of(values["title"]) if "title" in values else 1,
                                "story has no title", "add 'title: ...'"))
    lang = text_of(values["lang"]) if "lang" in values else None
    if lang is not None and lang not in LANGS:
        problems.append(Problem(name, line_of(values["lang"]), f"unknown lang '{lang}'", did_you_mean(lang, LANGS)))
    entities, entity_lines = [], []
    if "entities" in values:
        node = values["entities"]
        if not isinstance(node, yaml.SequenceNode):
            problems.append(Problem(name, line_of(node), "'entities' must be a list of entity ids"))
        else:
            for item in node.value:
                entities.append(text_of(item) or "")
                entity_lines.append(line_of(item))
    if problems:
        return None, problems
    summary = text_of(values["summary"]) if "summary" in values else ""
    return Story(path.stem, title.strip(), (summary or "").strip(), tuple(entities), lang, name,
                 line_of(root), tuple(entity_lines)), []
