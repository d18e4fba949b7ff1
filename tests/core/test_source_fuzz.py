"""Fuzz the readers of editors' files: a list of Problems or a valid result, never an exception."""

from __future__ import annotations

import tempfile
from datetime import datetime
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warta.entities.registry import TYPES, Registry, load_registry
from warta.problems import Problem
from warta.source.frontmatter import YEARS, FrontMatter, parse_article
from warta.source.slugs import MAX_SLUG_BYTES
from warta.source.stories import Story, load_stories
from warta.source.xmlchars import decode

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

KEYS = ["title", "date", "modified", "lang", "summary", "category", "tags", "story", "slug", "source", "name",
        "url", "dateline", "city", "image", "authors", "status", "entities", "add", "remove", "id", "type",
        "names", "aliases", "short", "description", "wikidata", "titel", "<<", "? x", "1"]
SCALARS = ["x", "Kim Jong Un", "2023-09-14", "2023-09-14T10:00:00+07:00", "0001-01-01", "2024-03", "NO", "yes",
           "12:30", "~", "''", '"\\v\\x00"', "id", "en", "person", "place", "draft", "Q56226", "-1", ".inf",
           "a" * 300, "!!!", "https://example.com/a", "javascript:alert(1)", "&a x", "*a", "&a [*a]", "!!python/name:os.system",
           "|\n  block", "\ufeff", "\u202e", "[", "]", "{", "}", ": :", "- -", "#"]
INDENTS = ["", "  ", "    ", "\t", "- ", "  - "]


@st.composite
def yamlish(draw) -> str:
    """Lines that look like the YAML editors write, with the traps they fall into."""
    lines = []
    for _ in range(draw(st.integers(0, 12))):
        indent = draw(st.sampled_from(INDENTS))
        key = draw(st.sampled_from(KEYS))
        value = draw(st.one_of(st.sampled_from(SCALARS),
                               st.lists(st.sampled_from(SCALARS), max_size=4).map(lambda v: "[" + ", ".join(v) + "]"),
                               st.text(max_size=20)))
        lines.append(f"{indent}{key}: {value}" if draw(st.booleans()) else f"{indent}{value}")
    return "\n".join(lines) + "\n"


@st.composite
def front_matter(draw) -> str:
    """Mostly well-formed front-matter: real fields, each value plausible or a trap."""
    value = st.one_of(st.sampled_from(SCALARS), st.text(alphabet=st.characters(blacklist_categories=["Cs", "Cc"]),
                                                       max_size=30).map(lambda t: '"' + t.replace("\\", "").replace('"', "") + '"'))
    nested = {"source": ["name", "url", "agency"], "image": ["url", "caption", "credit", "alt"],
              "dateline": ["city"], "entities": ["add", "remove"]}
    lines = ["title: " + draw(st.sampled_from(["Judul", "NO", "''", "[x]"])),
             "date: " + draw(st.sampled_from(["2023-09-14", "2023-09-14T10:00:00+07:00", "0001-01-01",
                                              "2099-12-31T23:59:59-12:00", "2024-03", "kemarin", "1900-01-01"]))]
    for key in draw(st.lists(st.sampled_from(KEYS[2:18]), max_size=6)):
        if key in nested:
            inner = draw(st.lists(st.sampled_from(nested[key]), min_size=1, max_size=3))
            lines.append(f"{key}:\n" + "\n".join(f"  {k}: {draw(value)}" for k in inner))
        elif key in ("tags", "authors"):
            lines.append(f"{key}: [{', '.join(draw(st.lists(value, max_size=3)))}]")
        else:
            lines.append(f"{key}: {draw(value)}")
    return "\n".join(draw(st.permutations(lines))) + "\n"


def assert_problems(problems, path: str, text: str) -> None:
    assert problems and all(isinstance(p, Problem) for p in problems)
    last = text.count("\n") + 2
    for problem in problems:
        assert problem.path == path and problem.message
        assert problem.line is None or 1 <= problem.line <= last, problem
        assert "\n" not in str(problem).rstrip("\n") or "\n" in problem.message


@FUZZ
@given(st.one_of(front_matter(), front_matter(), yamlish(), st.text(max_size=300)), st.text(max_size=80))
def test_parse_article_gives_problems_or_valid_front_matter(block, body):
    text = f"---\n{block}---\n{body}"
    matter, rest, problems = parse_article("a.md", text)
    if matter is None:
        assert_problems(problems, "a.md", text)
        return
    assert problems == [] and isinstance(matter, FrontMatter)
    assert isinstance(matter.title, str) and matter.title.strip()
    assert isinstance(matter.date, datetime) and matter.date.tzinfo is not None
    assert YEARS[0] <= matter.date.year <= YEARS[1]
    assert matter.slug and len(matter.slug.encode()) <= MAX_SLUG_BYTES
    assert matter.lang in ("id", "en") and matter.status in ("draft", "published")
    assert all(isinstance(tag, str) for tag in matter.tags)


@FUZZ
@given(st.binary(max_size=300))
def test_any_bytes_decode_to_text_or_one_problem(data):
    text, problems = decode(data, "a.md")
    if text is None:
        assert len(problems) == 1 and problems[0].line >= 1
        return
    matter, _, problems = parse_article("a.md", text)
    assert matter is not None or problems


def write_file(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


@st.composite
def registry_text(draw) -> str:
    entries = []
    for _ in range(draw(st.integers(0, 4))):
        fields = draw(st.lists(st.tuples(st.sampled_from(KEYS[-12:] + ["id", "name", "type"]),
                                         st.sampled_from(SCALARS + list(TYPES))), max_size=6))
        entries.append("- " + "\n  ".join(f"{k}: {v}" for k, v in fields) if fields else "- x")
    return draw(st.one_of(st.just("\n".join(entries) + "\n"), yamlish()))


@FUZZ
@given(registry_text())
def test_registry_loader_gives_problems_or_a_valid_registry(text):
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), "people.yml", text)
        registry, problems = load_registry(Path(folder))
    assert isinstance(registry, Registry)
    assert all(isinstance(p, Problem) and p.path.endswith("people.yml") for p in problems)
    for entity_id, entity in registry.entities.items():
        assert entity_id == entity.id and entity.name and entity.type in TYPES
        assert all(isinstance(form, str) and form for form in entity.full_forms())
    assert str(path)  # the file was there to read


@FUZZ
@given(st.one_of(yamlish(), st.text(max_size=200)), st.sampled_from(["korut-rusia", "pemilu-2024", "x"]))
def test_stories_loader_gives_problems_or_valid_stories(text, slug):
    with tempfile.TemporaryDirectory() as folder:
        path = write_file(Path(folder), f"{slug}.yml", text)
        stories, problems = load_stories([path])
    if not stories:
        assert problems and all(isinstance(p, Problem) for p in problems)
        return
    assert problems == []
    story = stories[slug]
    assert isinstance(story, Story) and story.title and story.slug == slug
    assert all(isinstance(e, str) for e in story.entities)
