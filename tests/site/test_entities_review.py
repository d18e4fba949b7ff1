"""`invoke entities`: the review list, --accept and --reject, run for real on a copy of the content folder."""

import shutil
import subprocess
import sys
from pathlib import Path

import yaml
from warta.entities.registry import load_registry

ROOT = Path(__file__).resolve().parents[2]


def invoke(content: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "invoke"), "entities", "--content", str(content), *args],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)


def copy_content(tmp_path: Path) -> Path:
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content


def test_the_review_list_groups_languages_and_says_what_readers_see(tmp_path):
    content = copy_content(tmp_path)
    done = invoke(content)
    assert done.returncode == 0, done.stderr
    blocks = done.stdout.split("\n")
    first = next(i for i, line in enumerate(blocks) if line.startswith("Kosmodrom Vostochny:"))
    assert "type guess place" in blocks[first] and "shown to readers now" in blocks[first]
    assert "mention(s) in" in blocks[first] and "article(s)" in blocks[first]
    assert blocks[first + 1] == "  names: en: Vostochny Cosmodrome, id: Kosmodrom Vostochny"
    assert not any(line.startswith("Vostochny Cosmodrome:") for line in blocks)  # one suggestion, not two
    assert any(line.startswith("  e.g. ") and "Kosmodrom Vostochny" in line for line in blocks[first:first + 6])
    partnership = next(line for line in blocks if line.startswith("Comprehensive Strategic Partnership:"))
    assert "event/document" in partnership and "review list only" in partnership


def test_accept_appends_a_valid_entry_keeping_the_file_and_refuses_an_existing_id(tmp_path):
    content = copy_content(tmp_path)
    places = content / "entities" / "places.yml"
    before = places.read_text(encoding="utf-8")
    done = invoke(content, "--accept", "Kosmodrom Vostochny", "--as", "vostochny-cosmodrome")
    assert done.returncode == 0, done.stderr
    after = places.read_text(encoding="utf-8")
    assert after.startswith(before)  # comments and order kept: only text appended
    added = yaml.safe_load(after[len(before):])
    assert added == [{"id": "vostochny-cosmodrome", "name": "Kosmodrom Vostochny", "type": "place",
                      "names": {"en": "Vostochny Cosmodrome", "id": "Kosmodrom Vostochny"}}]
    registry, problems = load_registry(content / "entities")
    assert problems == [] and registry.entities["vostochny-cosmodrome"].names["en"] == "Vostochny Cosmodrome"
    listed = invoke(content)
    assert "Kosmodrom Vostochny:" not in listed.stdout  # the registry has it now
    again = invoke(content, "--accept", "Amur Oblast", "--as", "vostochny-cosmodrome", "--type", "place")
    assert again.returncode == 1 and places.read_text(encoding="utf-8") == after
    assert len(again.stderr.strip().splitlines()) == 1 and "already exists" in again.stderr
    assert "Traceback" not in again.stderr


def test_accept_refuses_a_name_another_entity_claims_and_a_missing_type(tmp_path):
    content = copy_content(tmp_path)
    files = {p: p.read_bytes() for p in (content / "entities").glob("*.yml")}
    taken = invoke(content, "--accept", "Kim Jong Un", "--as", "kim-again", "--type", "person")
    assert taken.returncode == 1 and "is already a form of 'kim-jong-un'" in taken.stderr and "Traceback" not in taken.stderr
    untyped = invoke(content, "--accept", "Comprehensive Strategic Partnership")
    assert untyped.returncode == 1 and "--type" in untyped.stderr
    assert {p: p.read_bytes() for p in (content / "entities").glob("*.yml")} == files


def test_reject_hides_a_name_for_good(tmp_path):
    content = copy_content(tmp_path)
    assert "Comprehensive Strategic Partnership:" in invoke(content).stdout
    done = invoke(content, "--reject", "Comprehensive Strategic Partnership")
    assert done.returncode == 0, done.stderr
    rejected = content / "entities" / "rejected.yml"
    assert yaml.safe_load(rejected.read_text(encoding="utf-8")) == ["Comprehensive Strategic Partnership"]
    registry, problems = load_registry(content / "entities")
    assert problems == [] and "Comprehensive Strategic Partnership" in registry.rejected
    assert "Comprehensive Strategic Partnership:" not in invoke(content).stdout
    assert invoke(content, "--reject", "Comprehensive Strategic Partnership").returncode == 0
    assert yaml.safe_load(rejected.read_text(encoding="utf-8")) == ["Comprehensive Strategic Partnership"]


def test_rejecting_one_spelling_rejects_the_suggestion(tmp_path):
    content = copy_content(tmp_path)
    done = invoke(content, "--reject", "Vostochny Cosmodrome")
    assert done.returncode == 0, done.stderr
    rejected = yaml.safe_load((content / "entities" / "rejected.yml").read_text(encoding="utf-8"))
    assert rejected == ["Vostochny Cosmodrome", "Kosmodrom Vostochny"]
    listed = invoke(content).stdout
    assert "Vostochny" not in listed


def test_a_broken_rejected_list_is_one_line_per_problem(tmp_path):
    content = copy_content(tmp_path)
    (content / "entities" / "rejected.yml").write_text("- Fine\n- ''\n", encoding="utf-8")
    done = invoke(content, "--reject", "Other")
    assert done.returncode == 1 and "rejected.yml:2: a rejected name must be a non-empty string" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_rejected_name_leaves_what_readers_see(tmp_path):
    import json

    from tests.conftest import run_build

    content = copy_content(tmp_path)

    def discovered(output):
        articles = json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]
        [record] = [a for a in articles if "kim-tinjau-pengebom-rusia-di-vladivostok" in a["url"]]
        return {e["name"] for e in record["entities"] if not e["registered"]}

    built = run_build(content, tmp_path / "before")
    assert built.returncode == 0, built.stderr
    assert "Kosmodrom Vostochny" in discovered(tmp_path / "before")  # shown to readers now
    assert invoke(content, "--reject", "Kosmodrom Vostochny").returncode == 0
    built = run_build(content, tmp_path / "after")
    assert built.returncode == 0, built.stderr
    after = discovered(tmp_path / "after")
    assert "Kosmodrom Vostochny" not in after and after == discovered(tmp_path / "before") - {"Kosmodrom Vostochny"}
