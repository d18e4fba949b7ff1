from pathlib import Path

import pytest
from warta.entities.registry import load_registry, shared_forms

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "entities" / "registry"


def load(tmp_path, **files):
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    registry, problems = load_registry(tmp_path)
    return registry, [str(p) for p in problems]


def test_fixture_loads_clean_and_sorted():
    registry, problems = load_registry(FIXTURE)
    assert problems == []
    assert list(registry.entities) == sorted(registry.entities)
    kim = registry.entities["kim-jong-un"]
    assert (kim.name, kim.type, kim.aliases, kim.short, kim.wikidata) == (
        "Kim Jong Un", "person", ("Kim Jong-un",), ("Kim",), "Q56226")
    assert kim.path.endswith("people.yml") and kim.line == 2
    assert registry.entities["amerika-serikat"].names == {"en": "United States"}


def test_yaml_12_scalars_stay_strings(tmp_path):
    registry, problems = load(tmp_path, **{"a.yml": "- id: norway\n  name: NO\n  type: place\n  aliases: [yes, '12:30']\n"})
    assert problems == []
    assert registry.entities["norway"].name == "NO"
    assert registry.entities["norway"].aliases == ("yes", "12:30")


def test_digest_changes_with_content_only(tmp_path):
    entry = "- id: bali\n  name: Bali\n  type: place\n"
    first, _ = load(tmp_path, **{"a.yml": entry})
    again, _ = load(tmp_path, **{"a.yml": "# comment\n" + entry})
    changed, _ = load(tmp_path, **{"a.yml": entry + "  aliases: [Pulau Dewata]\n"})
    assert first.digest == again.digest != changed.digest


@pytest.mark.parametrize("text, expected", [
    ("- id: a\n  name: [unclosed\n", "a.yml:3: malformed YAML"),
    ("id: a\nname: A\n", "a.yml:1: the top level must be a list of entities"),
    ("- just a string\n", "a.yml:1: an entry must be a mapping"),
    ("- name: A\n  type: place\n", "a.yml:1: entry without an id"),
    ("- id: ''\n  name: A\n  type: place\n", "a.yml:1: entry without an id"),
    ("- id: Bad_Id\n  name: A\n  type: place\n", "a.yml:1: id 'Bad_Id' is not a slug"),
    ("- id: a\n  type: place\n", "a.yml:1: entry 'a' has no name"),
    ("- id: a\n  name: A\n  type: persn\n", "a.yml:3: unknown type 'persn' (did you mean 'person'?)"),
    ("- id: a\n  name: A\n  type: place\n  alias: [B]\n", "a.yml:4: unknown key 'alias' (did you mean 'aliases'?)"),
    ("- id: a\n  name: A\n  type: place\n  wikidata: Q0123\n", "a.yml:4: wikidata 'Q0123' is not a QID"),
    ("- id: a\n  name: A\n  type: place\n  aliases: B\n", "a.yml:4: 'aliases' must be a list of non-empty strings"),
])
def test_each_problem_names_file_and_line(tmp_path, text, expected):
    _, problems = load(tmp_path, **{"a.yml": text})
    assert len(problems) == 1, problems
    assert problems[0].startswith(f"{tmp_path}/{expected}")


def test_duplicate_id_points_at_second_and_names_first(tmp_path):
    registry, problems = load(tmp_path, **{
        "a.yml": "- id: bali\n  name: Bali\n  type: place\n",
        "b.yml": "# second\n- id: bali\n  name: Pulau Bali\n  type: place\n",
    })
    assert problems == [f"{tmp_path / 'b.yml'}:2: duplicate id 'bali' (first defined at {tmp_path / 'a.yml'}:1)"]
    assert registry.entities["bali"].name == "Bali"


def test_shared_forms_are_information_and_bad_hints_are_refused(tmp_path):
    registry, problems = load(tmp_path, **{"a.yml": (
        "- id: a\n  name: Alpha\n  type: place\n  aliases: [AL]\n"
        "- id: b\n  name: Beta\n  type: place\n  aliases: [AL]\n  short: [Alpha]\n"
        "  context: [a, c, nowhere]\n  cues: [kota]\n  always_name: true\n"
        "- id: c\n  name: Gamma\n  type: place\n  short: [G]\n  context: [c]\n"
        "- id: d\n  name: Delta\n  type: place\n  short: [G]\n  always_name: maybe\n"
    )})
    assert problems == [
        f"{tmp_path / 'a.yml'}:22: 'always_name' must be true or false",
        f"{tmp_path / 'a.yml'}:10: context of 'b' names unknown entity id 'nowhere' (expected one of: a, b, c, d)",
        f"{tmp_path / 'a.yml'}:17: context of 'c' names unknown entity id 'c' (not itself)",
    ]
    assert shared_forms(registry) == {"AL": ("a", "b"), "Alpha": ("a", "b"), "G": ("c", "d")}
    beta = registry.entities["b"]
    assert (beta.context, beta.cues, beta.always_name) == (("a", "c", "nowhere"), ("kota",), True)
    assert (beta.via("Beta"), beta.via("AL"), beta.via("Alpha")) == ("name", "alias", "short")


def test_empty_file_and_problem_entries_do_not_stop_the_rest(tmp_path):
    registry, problems = load(tmp_path, **{
        "a.yml": "",
        "b.yml": "- id: ok\n  name: OK Place\n  type: place\n- id: bad\n  type: place\n",
    })
    assert list(registry.entities) == ["ok"]
    assert problems == [f"{tmp_path / 'b.yml'}:4: entry 'bad' has no name"]



def test_a_file_read_again_gives_its_entries_and_problems_again_and_its_new_text_when_changed(tmp_path):
    """The lint and the build each load the registry; the second parse of an unchanged file is skipped."""
    text = "- id: bali\n  name: Bali\n  type: place\n- id: a\n  type: place\n"
    first, problems = load(tmp_path, **{"a.yml": text})
    again, problems_again = load(tmp_path, **{"a.yml": text})
    assert (again, problems_again) == (first, problems) and len(problems) == 1
    assert problems[0].endswith("a.yml:4: entry 'a' has no name")
    changed, fixed = load(tmp_path, **{"a.yml": text + "  name: A\n"})
    assert sorted(changed.entities) == ["a", "bali"] and fixed == []
