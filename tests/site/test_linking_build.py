"""Shared names through a real build: context decides, a front-matter override settles one article, an undecided
name is linked to nothing and listed (JSON export, `invoke entities --review`), bad hints and overrides are refused
with one line; `invoke entities --check` lists shared forms."""

import json
import subprocess
import sys
from pathlib import Path

import lxml.html

from tests.conftest import REPO, run_build

REGISTRY = """\
- id: georgia-country
  name: Georgia
  type: place
  context: [tbilisi]
- id: georgia-us-state
  name: State of Georgia
  type: place
  short: [Georgia]
  context: [atlanta]
  cues: [negara bagian]
- id: tbilisi
  name: Tbilisi
  type: place
- id: atlanta
  name: Atlanta
  type: place
- id: antara
  name: Kantor Berita Antara
  type: organization
  aliases: [Antara]
- id: jakarta
  name: Jakarta
  type: place
"""

ARTICLES = {
    "atlanta.md": ("Hitung ulang di Atlanta", "Petugas di Atlanta menghitung ulang suara.",
                   "Georgia menghitung ulang surat suara. Negara bagian itu diawasi ketat. Antara melaporkan "
                   "hasilnya sore hari."),
    "tbilisi.md": ("Protes di Tbilisi", "Ribuan orang turun ke jalan di Tbilisi.",
                   "Pemerintah Georgia menunda perundingan dengan Uni Eropa. Antara lain, mahasiswa ikut berunjuk "
                   "rasa. Di sini, Kejaksaan Negeri Jakarta Barat tidak terkait."),
    "unsure.md": ("Georgia dan kita", "Sebuah catatan pendek.",  # each entry's context named: nothing decides
                  "Georgia kembali jadi sorotan pekan ini, kata orang dari Tbilisi sampai Atlanta."),
    "settled.md": ("Catatan pendek", "Sebuah catatan lain.", "Georgia kembali jadi sorotan pekan ini.",
                   "entities: {link: {Georgia: georgia-us-state}}\n"),
}


def content(tmp_path: Path, articles=ARTICLES, registry=REGISTRY) -> Path:
    root = tmp_path / "content"
    (root / "articles").mkdir(parents=True)
    (root / "entities").mkdir()
    (root / "entities" / "entities.yml").write_text(registry, encoding="utf-8")
    for day, (name, (title, summary, body, *extra)) in enumerate(sorted(articles.items()), start=1):
        (root / "articles" / name).write_text(
            f"---\ntitle: {title}\ndate: 2024-11-0{day} 10:00\nlang: id\nsummary: {summary}\n"
            f"{''.join(extra)}---\n\n{body}\n", encoding="utf-8")
    return root


def entities_task(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(Path(sys.executable).parent / "invoke"), "entities", "--content", str(root), *args],
                          cwd=REPO, capture_output=True, text=True, timeout=300)


def test_context_override_and_ambiguity_through_a_build(tmp_path):
    root = content(tmp_path)
    output = tmp_path / "output"
    built = run_build(root, output)
    assert built.returncode == 0, built.stderr
    articles = {Path(a["url"]).name or Path(a["url"]).parent.name: a
                for a in json.loads((output / "api" / "articles.json").read_text(encoding="utf-8"))["articles"]}
    ids = {slug: {e["id"] for e in a["entities"] if e["registered"]} for slug, a in articles.items()}
    by_title = {a["title"]: slug for slug, a in articles.items()}
    atlanta, tbilisi = ids[by_title["Hitung ulang di Atlanta"]], ids[by_title["Protes di Tbilisi"]]
    assert "georgia-us-state" in atlanta and "georgia-country" not in atlanta
    assert "georgia-country" in tbilisi and "georgia-us-state" not in tbilisi
    assert "antara" in atlanta and "antara" not in tbilisi  # 'Antara melaporkan', not 'Antara lain'
    assert "jakarta" not in tbilisi  # inside 'Kejaksaan Negeri Jakarta Barat'
    unsure = articles[by_title["Georgia dan kita"]]
    assert not ids[by_title["Georgia dan kita"]] & {"georgia-country", "georgia-us-state"}
    assert [(a["name"], sorted(a["candidates"])) for a in unsure["ambiguous"]] == [
        ("Georgia", ["georgia-country", "georgia-us-state"])] * 2  # the title, and the body
    assert ids[by_title["Catatan pendek"]] >= {"georgia-us-state"} and articles[by_title["Catatan pendek"]]["ambiguous"] == []
    page = lxml.html.parse(str(output / articles[by_title["Hitung ulang di Atlanta"]]["url"].lstrip("/") / "index.html"))
    links = {a.text: a.get("href") for a in page.iter("a") if "entity" in (a.get("class") or "")}
    assert links["Georgia"].endswith("/georgia-us-state/")

    review = entities_task(root, "--review")
    assert review.returncode == 0, review.stderr
    lines = [line for line in review.stdout.splitlines() if "'Georgia'" in line]
    assert len(lines) == 1 and "unsure.md" in lines[0] and "(2x)" in lines[0]
    assert "georgia-country" in lines[0] and "georgia-us-state" in lines[0]
    check = entities_task(root, "--check")
    assert check.returncode == 0, check.stderr
    assert "Georgia: georgia-country, georgia-us-state" in check.stdout.splitlines()


def test_bad_hints_and_overrides_are_refused_with_one_line(tmp_path):
    registry = REGISTRY.replace("context: [atlanta]", "context: [atlantis]")
    articles = {**ARTICLES, "settled.md": ARTICLES["settled.md"][:3] + ("entities: {link: {Georgia: tbilisi}}\n",)}
    root = content(tmp_path, articles, registry)
    built = run_build(root, tmp_path / "output")
    assert built.returncode != 0 and "Traceback" not in built.stderr
    errors = [line for line in built.stderr.splitlines() if line.strip()]
    hint = [line for line in errors if "atlantis" in line]
    override = [line for line in errors if "entities.link" in line]
    assert len(hint) == 1 and hint[0].startswith(f"{root / 'entities' / 'entities.yml'}:9:"), errors
    assert len(override) == 1 and "settled.md:6:" in override[0] and "'Georgia'" in override[0], errors
    assert not (tmp_path / "output").exists()
    check = subprocess.run([str(Path(sys.executable).parent / "invoke"), "check", "--content", str(root)],
                           cwd=REPO, capture_output=True, text=True, timeout=300)
    assert check.returncode != 0 and {l for l in check.stdout.splitlines() if "atlantis" in l or "entities.link" in l} \
        == set(hint + override)
