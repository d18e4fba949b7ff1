"""Real builds of a small fixture site, read back with lxml."""

import json
import shutil
from pathlib import Path

import pytest
from lxml import html

from tests.conftest import REPO, run_build

FIXTURE = REPO / "tests" / "data" / "site"


@pytest.fixture()
def content(tmp_path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(FIXTURE, target)
    return target


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def page(output: Path, path: str):
    return html.fromstring((output / path).read_bytes())


def test_build_writes_directory_style_pages(content, tmp_path):
    output = tmp_path / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    for path in ("index.html", "2023/09/kim-putin-bertemu/index.html", "2023/09/summit-english/index.html",
                 "kategori/internasional/index.html", "tag/diplomasi/index.html", "arsip/index.html",
                 "tentang/index.html", "theme/css/warta.css"):
        assert (output / path).is_file(), path
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")]
    assert leftovers == []


def test_article_page_semantics(content, tmp_path):
    output = tmp_path / "output"
    assert run_build(content, output).returncode == 0
    doc = page(output, "2023/09/kim-putin-bertemu/index.html")
    assert doc.get("lang") == "id"
    assert len(doc.xpath("//h1")) == 1
    assert doc.xpath("//h1")[0].text_content() == "Kim Jong Un dan Putin Bertemu di Timur Jauh"
    assert doc.xpath("//header") and doc.xpath("//main[@id='main']") and doc.xpath("//footer")
    assert doc.xpath("string(//p[@class='lede'])") == "Pemimpin Korea Utara dan Presiden Rusia bertemu di kosmodrom Vostochny."
    assert doc.xpath("string(//p[@class='byline']/time)") == "Rabu, 13 September 2023 20.10 WIB"
    assert doc.xpath("string(//p[@class='byline']/time/@datetime)") == "2023-09-13T20:10:00+07:00"
    assert doc.xpath("string(//span[@class='dateline'])") == "Moskow"
    assert doc.xpath("string(//a[@class='skip'])") == "Langsung ke isi"
    assert [a.text for a in doc.xpath("//ul[@class='tags']//a")] == ["diplomasi", "korea-utara"]


def test_other_language_article_is_marked_and_escaped(content, tmp_path):
    output = tmp_path / "output"
    assert run_build(content, output).returncode == 0
    doc = page(output, "2023/09/summit-english/index.html")
    assert doc.get("lang") == "en"  # the page's language, which the search index reads
    assert doc.xpath("//header[@class='site']/@lang") == ["id"]  # the site's own chrome stays Indonesian
    assert doc.xpath("string(//h1)") == "Leaders Gather <em>in</em> Jakarta"  # shown as text, not markup
    assert not doc.xpath("//h1/em")
    assert doc.xpath("string(//p[@class='byline']/time)") == "Tuesday, September 5, 2023, 9:00\u202fAM WIB"
    listing = page(output, "kategori/internasional/index.html")
    assert listing.xpath("//li[@lang='en']//h2/a/text()") == ["Leaders Gather <em>in</em> Jakarta"]


def test_english_ui_by_setting(content, tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\nDEFAULT_LANG = 'en'\n")
    output = tmp_path / "output"
    result = run_build(content, output, "--conf", str(conf))
    assert result.returncode == 0, result.stderr
    doc = page(output, "index.html")
    assert doc.get("lang") == "en"
    assert doc.xpath("string(//h1)") == "Warta: Latest news"
    assert doc.xpath("string(//a[@class='skip'])") == "Skip to content"
    article = page(output, "2023/09/kim-putin-bertemu/index.html")
    assert article.get("lang") == "id" and article.xpath("//header[@class='site']/@lang") == ["en"]


def test_home_paginates_newest_first_without_collisions(content, tmp_path):
    folder = content / "articles" / "2024" / "01"
    folder.mkdir(parents=True)
    for day in range(1, 24):
        (folder / f"hari-{day}.md").write_text(
            f"---\ntitle: Hari {day}\ndate: 2024-01-{day:02d}T08:00:00+07:00\ncategory: Nasional\n---\nIsi {day}.\n")
    output = tmp_path / "output"
    assert run_build(content, output).returncode == 0
    first = page(output, "index.html")  # the digest: the newest edition's lead, then older news on page 2
    assert first.xpath("string(//article[@class='lead']//h2/a)") == "Hari 23"
    assert first.xpath("string(//a[@rel='next']/@href)") == "./halaman/2/"
    titles = page(output, "halaman/2/index.html").xpath("//ol[@class='articles']//h2/a/text()")
    assert titles[:3] == ["Hari 13", "Hari 12", "Hari 11"] and len(titles) == 10
    third = page(output, "halaman/3/index.html")
    assert third.xpath("//ol[@class='articles']//h2/a/text()")[-1] == "Leaders Gather <em>in</em> Jakarta"
    assert (output / "kategori/nasional/halaman/2/index.html").is_file()


def test_term_pages_list_their_articles_newest_first(content, tmp_path):
    """Category, tag and author pages list exactly their articles, newest first, across their pages."""
    folder = content / "articles" / "2024" / "01"
    folder.mkdir(parents=True)
    for day in range(1, 24):
        tags, author = ("[ganjil]", "Penulis Ganjil") if day % 2 else ("[genap]", "Penulis Genap")
        (folder / f"hari-{day}.md").write_text(
            f"---\ntitle: Hari {day}\ndate: 2024-01-{day:02d}T08:00:00+07:00\ncategory: Nasional\ntags: {tags}\n"
            f"authors: [{author}]\n---\nIsi {day}.\n")
    output = tmp_path / "output"
    assert run_build(content, output).returncode == 0

    def listed(folder: str) -> list[str]:
        titles, path, number = [], f"{folder}/index.html", 1
        while (output / path).is_file():
            titles += page(output, path).xpath("//ol[@class='articles']//h2/a/text()")
            number += 1
            path = f"{folder}/halaman/{number}/index.html"
        return titles

    assert listed("kategori/nasional") == [f"Hari {day}" for day in range(23, 0, -1)]
    assert listed("tag/ganjil") == [f"Hari {day}" for day in range(23, 0, -2)]
    assert listed("penulis/penulis-genap") == [f"Hari {day}" for day in range(22, 0, -2)]
    assert listed("tag/diplomasi") == ["Kim Jong Un dan Putin Bertemu di Timur Jauh"]


@pytest.mark.parametrize("name, text, expected", [
    ("bad-yaml.md", "---\ntitle: [x\ndate: 2023-09-14\n---\n", "bad-yaml.md:3: malformed YAML"),
    ("no-title.md", "---\ndate: 2023-09-14\n---\n", "no-title.md:1: missing required field 'title'"),
    ("partial.md", "---\ntitle: x\ndate: 2024-03\n---\n", "partial.md:3: 'date' is a partial date"),
    ("impossible.md", "---\ntitle: x\ndate: 2023-02-30\n---\n", "impossible.md:3: 'date' is not a valid ISO 8601 date"),
    ("lang.md", "---\ntitle: x\ndate: 2023-09-14\nlang: fr\n---\n", "lang.md:4: unknown lang 'fr'"),
    ("empty.md", "", "empty.md:1: empty file"),
    ("kim-putin-bertemu.md", "---\ntitle: x\ndate: 2023-09-14\n---\n", "kim-putin-bertemu.md:1: duplicate slug 'kim-putin-bertemu'"),
])
def test_bad_input_fails_with_one_line_and_leaves_output_alone(content, tmp_path, name, text, expected):
    output = tmp_path / "output"
    assert run_build(content, output).returncode == 0
    before = snapshot(output)
    folder = content / "articles" / "2024"
    folder.mkdir()
    (folder / name).write_text(text)
    result = run_build(content, output)
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(output) == before


def test_non_utf8_file_fails_cleanly(content, tmp_path):
    output = tmp_path / "output"
    (content / "articles" / "latin.md").write_bytes("---\ntitle: Caf\xe9\ndate: 2023-09-14\n---\n".encode("latin-1"))
    result = run_build(content, output)
    assert result.returncode == 1
    assert "latin.md:2: not UTF-8 text" in result.stderr
    assert not output.exists()


def test_same_content_builds_identical_files(content, tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    assert run_build(content, first).returncode == 0
    assert run_build(content, second).returncode == 0
    assert snapshot(first) == snapshot(second)


def test_control_characters_are_dropped_not_fatal(content, tmp_path):
    (content / "articles" / "kontrol.md").write_text(
        "---\ntitle: \"Judul\\v aneh\ufffe\"\ndate: 2023-09-20T10:00:00+07:00\n---\n"
        "Kim Jong Un\x0b bertemu\x1f Vladimir Putin.\n", encoding="utf-8")
    output = tmp_path / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    raw = (output / "2023/09/kontrol/index.html").read_text(encoding="utf-8")
    assert not any(ch in raw for ch in "\x0b\x1f\ufffe")
    assert "Kim Jong Un bertemu Vladimir Putin." in html.fromstring(raw).xpath("string(//div[@class='body'])")


def test_bad_settings_stop_the_build_before_anything_is_written(content, tmp_path):
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                    "WARTA_ENTITIES = {'discovery_treshold': 0.5}\nWARTA_FEEDS = {'limit': -1}\n")
    output = tmp_path / "output"
    result = run_build(content, output, "--conf", str(conf))
    assert result.returncode == 1
    assert f"{conf}:4: WARTA_ENTITIES.discovery_treshold: unknown setting (did you mean 'discovery_threshold'?)" \
        in result.stderr
    assert f"{conf}:5: WARTA_FEEDS.limit: must be at least 0, got -1" in result.stderr
    assert "Traceback" not in result.stderr and not output.exists()


def test_a_folder_without_articles_subfolder_is_read_whole(tmp_path):
    content = tmp_path / "flat"
    (content / "pages").mkdir(parents=True)
    for path in (FIXTURE / "articles").rglob("*.md"):
        (content / path.name).write_bytes(path.read_bytes())
    (content / "pages" / "tentang.md").write_bytes((FIXTURE / "pages" / "tentang.md").read_bytes())
    output = tmp_path / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    assert (output / "2023/09/kim-putin-bertemu/index.html").is_file()
    assert (output / "tentang/index.html").is_file()
    titles = [a["title"] for a in json.loads((output / "api/articles.json").read_text())["articles"]]
    assert titles == ["Kim Jong Un dan Putin Bertemu di Timur Jauh", "Leaders Gather <em>in</em> Jakarta"]


def test_a_settings_file_that_fails_to_run_is_one_line(content, tmp_path):
    conf = tmp_path / "broken.py"
    conf.write_text("DEFAULT_LANG = 'id'\nPLUGINS = [\n")
    result = run_build(content, tmp_path / "output", "--conf", str(conf))
    assert result.returncode == 1
    assert "broken.py: cannot read the settings: SyntaxError" in result.stderr
    assert "Traceback" not in result.stderr
