from pathlib import Path

import pytest
from warta.source.check import check_content
from warta.source.stories import load_stories


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_story_reads_title_summary_entities(tmp_path):
    path = write(tmp_path, "korut-rusia.yml", "title: Korea Utara dan Rusia\nsummary: Hubungan yang makin erat.\n"
                                              "entities: [kim-jong-un, vladimir-putin]\n")
    stories, problems = load_stories([path])
    assert problems == []
    story = stories["korut-rusia"]
    assert (story.title, story.summary, story.entities) == ("Korea Utara dan Rusia", "Hubungan yang makin erat.",
                                                            ("kim-jong-un", "vladimir-putin"))


@pytest.mark.parametrize("name, text, expected", [
    ("a.yml", "title: [x\n", "a.yml:2: malformed YAML"),
    ("a.yml", "summary: tanpa judul\n", "a.yml:1: story has no title"),
    ("a.yml", "title: ''\n", "a.yml:1: story has no title"),
    ("a.yml", "title: X\ntitel: Y\n", "a.yml:2: unknown field 'titel' (did you mean 'title'?)"),
    ("a.yml", "title: X\nentities: kim\n", "a.yml:2: 'entities' must be a list of entity ids"),
    ("Bad Name.yml", "title: X\n", "Bad Name.yml:1: story file name 'Bad Name' is not a slug"),
    ("a.yml", "- title\n", "a.yml:1: a story file must be a mapping"),
])
def test_bad_story_files(tmp_path, name, text, expected, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _, problems = load_stories([write(tmp_path, name, text)])
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]


def test_unknown_story_and_entity_ids_are_reported_with_lines(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    write(content, "entities/people.yml", "- id: kim-jong-un\n  name: Kim Jong Un\n  type: person\n")
    write(content, "stories/korut-rusia.yml", "title: Korut\nentities:\n  - kim-jong-un\n  - putin\n")
    write(content, "articles/a.md", "---\ntitle: A\ndate: 2023-09-14\nstory: korut-rusai\n"
                                    "entities: {add: [kim-jong-uh]}\n---\nIsi.\n")
    problems = [str(p) for p in check_content(content).problems]
    assert any(p.startswith("content/articles/a.md:4: unknown story 'korut-rusai' (did you mean 'korut-rusia'?)")
               for p in problems), problems
    assert any(p.startswith("content/articles/a.md:5: unknown entity id 'kim-jong-uh' in entities.add "
                            "(did you mean 'kim-jong-un'?)") for p in problems), problems
    assert any(p.startswith("content/stories/korut-rusia.yml:4: unknown entity id 'putin'") for p in problems), problems


def test_entity_id_may_not_take_a_page_path(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    write(content, "entities/places.yml", "- id: tempat\n  name: Tempat\n  type: place\n")
    problems = [str(p) for p in check_content(content).problems]
    assert problems == ["content/entities/places.yml:1: entity id 'tempat' is reserved for Warta's own pages "
                        "(choose another id, e.g. 'tempat-1')"]
