"""The review list's grouping and the entries --accept writes (warta.entities.review), on a temporary registry."""

import yaml
from warta.entities.discovery import Candidate
from warta.entities.registry import load_registry
from warta.entities.review import accept, reject, suggestions, variant_key
from warta.source.layout import shown


def candidate(name, kind="place", confidence=0.9, count=1, aliases=()):
    return Candidate(name, kind, confidence, count, 0, f"{name} disebut di sini.", (0,), aliases)


def test_variants_across_languages_spellings_and_case_are_one_suggestion():
    assert variant_key("Kosmodrom Vostochny") == variant_key("Vostochny Cosmodrome") == ("vostochny",)
    assert variant_key("Kim Jong-il") == variant_key("Kim Jong Il")
    assert variant_key("Istana Negara") != variant_key("Kota Negara")  # what is left is an ordinary word
    found = [("a.md", "id", candidate("Kosmodrom Vostochny", count=3)),
             ("b.md", "en", candidate("Vostochny Cosmodrome", count=2)),
             ("c.md", "en", candidate("VOSTOCHNY COSMODROME", confidence=0.4)),
             ("c.md", "id", candidate("Kim Jong-il", "person", 0.5)),
             ("d.md", "id", candidate("Kim Jong Il", "person", 0.6, count=2))]
    listed = suggestions(found, 0.7, "id")
    assert [s.name for s in listed] == ["Kosmodrom Vostochny", "Kim Jong Il"]
    first, second = listed
    assert first.names == (("en", "Vostochny Cosmodrome"), ("id", "Kosmodrom Vostochny"))
    assert first.count == 6 and first.articles == ("a.md", "b.md", "c.md") and first.shown
    assert second.names == () and second.variants == ("Kim Jong Il", "Kim Jong-il") and not second.shown


def test_rejected_names_and_events_are_never_shown():
    found = [("a.md", "en", candidate("Paris Agreement", None, 0.95)),
             ("a.md", "en", candidate("Acme Corp", "organization", 0.95))]
    listed = suggestions(found, 0.7, "id", rejected=frozenset({"Acme Corp"}))
    assert [(s.name, s.shown, s.type_guess) for s in listed] == [("Paris Agreement", False, None)]


def test_accept_writes_names_aliases_and_other_spellings(tmp_path):
    (tmp_path / "people.yml").write_text("# People we follow.\n\n- id: kim-jong-un\n  name: Kim Jong Un\n"
                                         "  type: person\n", encoding="utf-8")
    found = [("c.md", "id", candidate("Kim Jong-il", "person", 0.5)),
             ("d.md", "id", candidate("Kim Jong Il", "person", 0.6, count=2)),
             ("e.md", "id", candidate("Badan Pusat Statistik", "organization", aliases=("BPS",)))]
    kim, bps = suggestions(found, 0.7, "id")
    path, problems = accept(tmp_path, kim.name, None, None, kim)
    assert problems == [] and path == tmp_path / "people.yml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# People we follow.\n\n- id: kim-jong-un\n")
    assert yaml.safe_load(text)[-1] == {"id": "kim-jong-il", "name": "Kim Jong Il", "type": "person",
                                        "aliases": ["Kim Jong-il"]}
    path, problems = accept(tmp_path, bps.name, None, "bps", bps)
    assert problems == [] and path == tmp_path / "organizations.yml"
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == [
        {"id": "bps", "name": "Badan Pusat Statistik", "type": "organization", "aliases": ["BPS"]}]
    registry, problems = load_registry(tmp_path)
    assert problems == [] and set(registry.entities) == {"kim-jong-un", "kim-jong-il", "bps"}


def test_accept_refuses_without_writing(tmp_path):
    people = tmp_path / "people.yml"
    people.write_text("- id: kim-jong-un\n  name: Kim Jong Un\n  type: person\n", encoding="utf-8")
    before = people.read_bytes()
    for name, kind, entity_id, message in [
            ("Kim Jong Un", "person", "kju", "'Kim Jong Un' is already a form of 'kim-jong-un'"),
            ("Someone Else", "person", "kim-jong-un", "id 'kim-jong-un' already exists; choose another with --as"),
            ("Someone Else", "event", None, "unknown type 'event'"),
            ("Someone Else", None, None, "'Someone Else' needs a type: --type person, organization or place"),
            ("Someone Else", "person", "Not A Slug", "id 'Not A Slug' is not a slug")]:
        path, problems = accept(tmp_path, name, kind, entity_id)
        assert path is None and len(problems) == 1 and message in str(problems[0]), (name, problems)
        assert problems[0].path.startswith(shown(tmp_path))  # the real folder, not the scratch copy checked
    assert people.read_bytes() == before and sorted(p.name for p in tmp_path.iterdir()) == ["people.yml"]


def test_reject_appends_new_names_once(tmp_path):
    path, problems = reject(tmp_path, "Matters", "MATTERS")
    assert problems == [] and yaml.safe_load(path.read_text(encoding="utf-8")) == ["Matters", "MATTERS"]
    reject(tmp_path, "Matters", "Other")
    assert yaml.safe_load(path.read_text(encoding="utf-8")) == ["Matters", "MATTERS", "Other"]
    assert path.read_text(encoding="utf-8").startswith("# Names reviewed and rejected")
    registry, problems = load_registry(tmp_path)
    assert problems == [] and registry.rejected == {"Matters", "MATTERS", "Other"}
