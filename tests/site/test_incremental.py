"""Incremental builds: after each kind of change, the rebuilt output is byte-identical to a clean build.

Each test builds the repository's content, changes one thing, rebuilds into the same output (reusing unchanged
pages from it), then builds the changed content from scratch elsewhere and compares every file.
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import REPO, run_build
from warta_build import load_settings
from warta_build.unchanged import stamp_path

ARTICLE = "articles/2023/09/kim-tinjau-pengebom-rusia-di-vladivostok.md"
PAGE = "2023/09/kim-tinjau-pengebom-rusia-di-vladivostok/index.html"
PLUGIN = """from pelican import signals

def register():
    signals.article_generator_finalized.connect(mark)

def mark(generator):
    for article in generator.articles:
        article._content += "<p>{text}</p>"
"""


def files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def inodes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()}


def search_index(folder: Path) -> dict[str, bytes]:
    """The pagefind/ folder: every file's path and bytes."""
    return {path: data for path, data in files(folder).items() if path.startswith("pagefind/")}


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    changed = re.sub(old, new, text, count=count, flags=re.M)
    assert changed != text, f"{path}: {old!r} not found"
    path.write_text(changed, encoding="utf-8")


def write_conf(folder: Path, extra: str) -> Path:
    conf = folder / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n{extra}\n",
                    encoding="utf-8")
    return conf


def body(content, folder):
    edit(content / ARTICLE, r"di kampus yang sama di Pulau Russky\.", "di kampus yang sama.")


def sentence(content, folder):  # a last sentence without names or dates: only the body changes
    edit(content / ARTICLE, r"di kampus yang sama di Pulau Russky\.$", "di kampus yang sama di Pulau Russky. Cuaca cerah.")


def title(content, folder):
    edit(content / ARTICLE, r"^title: .*$", 'title: "Kim Tinjau Armada Pasifik Rusia"')


def date(content, folder):
    edit(content / ARTICLE, r"^date: 2023-09-17T10:15", "date: 2023-09-18T08:00")


def story(content, folder):
    edit(content / "stories/korut-rusia.yml", r"^title: .*$", "title: Pyongyang dan Moskow")


def registry(content, folder):
    edit(content / "entities/organizations.yml", r"^  name: Kremlin$", "  name: Kremlin\n  aliases: [Istana Kremlin]")


def added(content, folder):
    source = (content / ARTICLE).read_text(encoding="utf-8")
    (content / "articles/2023/09/kim-kembali-ke-pyongyang.md").write_text(
        re.sub(r"^title: .*$", 'title: "Kim Kembali ke Pyongyang"', source, count=1, flags=re.M)
        .replace("2023-09-17T10:15", "2023-09-19T07:00"), encoding="utf-8")


def deleted(content, folder):
    (content / ARTICLE).unlink()


def template(content, folder):
    edit(folder / "theme/templates/entity.html", r"<h1>\{\{ name \}\}</h1>", "<h1 class=\"name\">{{ name }}</h1>")


def settings(content, folder):
    edit(folder / "conf.py", r"^SITENAME = .*$", "SITENAME = 'Warta Pagi'")


def code(content, folder):
    edit(folder / "plugins/marker.py", r"first version", "second version")


CHANGES = [body, sentence, title, date, story, registry, added, deleted, template, settings, code]


@pytest.mark.parametrize("change", CHANGES, ids=[c.__name__ for c in CHANGES])
def test_incremental_build_equals_a_clean_build(change, tmp_path):
    shutil.copytree(REPO / "theme", tmp_path / "theme")
    (tmp_path / "plugins").mkdir()
    (tmp_path / "plugins/marker.py").write_text(PLUGIN.format(text="first version"), encoding="utf-8")
    conf = write_conf(tmp_path, f"SITENAME = 'Warta'\nTHEME = {str(tmp_path / 'theme')!r}\n"
                                f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(tmp_path / 'plugins')!r}]\n"
                                "PLUGINS = PLUGINS + ['marker']")
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    first = run_build(content, output, "--conf", str(conf))
    assert first.returncode == 0, first.stderr
    before, index_before = inodes(output), search_index(output)

    change(content, tmp_path)
    again = run_build(content, output, "--conf", str(conf))
    assert again.returncode == 0, again.stderr
    clean_content = tmp_path / "clean-content"
    shutil.copytree(content, clean_content)
    clean = run_build(clean_content, tmp_path / "clean-output", "--conf", str(conf))
    assert clean.returncode == 0, clean.stderr

    rebuilt, expected = files(output), files(tmp_path / "clean-output")
    assert sorted(rebuilt) == sorted(expected)
    assert [path for path in expected if rebuilt[path] != expected[path]] == []
    reused = {path for path, inode in inodes(output).items() if before.get(path) == inode}
    pages = [path for path in before if path.endswith(".html")]
    if change in (body, sentence, title):  # most pages do not show the article: they come from the previous output
        assert len(reused) > len(pages) // 2
        assert PAGE not in reused
        assert search_index(output) != index_before  # the index was made again, as the clean build made it
        index = [path for path in before if path.startswith("pagefind/")]
        assert all(path in reused for path in index if path.startswith("pagefind/2024/"))  # that year's pages
        assert not all(path in reused for path in index if path.startswith("pagefind/2023/"))  # did not change
    if change is sentence:  # listings show its title, date and lede, not its body (warta_incremental.body)
        assert {"kategori/internasional/index.html", "entitas/sergei-shoigu/index.html", "index.html"} <= reused
    if change is registry:  # a new alias no article uses: pages naming Kremlin show nothing else of its entry
        assert PAGE in reused and "entitas/kremlin/index.html" not in reused
    if change is template:  # only entity pages use entity.html
        assert "entitas/kim-jong-un/index.html" not in reused and b'<h1 class="name">' in rebuilt[
            "entitas/kim-jong-un/index.html"]
        assert PAGE in reused and "tentang/index.html" in reused


def test_a_rebuild_without_changes_renders_nothing(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    assert run_build(content, output).returncode == 0
    before = inodes(output)
    stamp_path(load_settings(content, output, REPO / "pelicanconf.py")["CACHE_PATH"], output).unlink()
    assert run_build(content, output).returncode == 0  # a real build (tests/site/test_unchanged.py: with the stamp)
    after = inodes(output)
    html = [path for path in after if path.endswith(".html")]
    assert html and all(after[path] == before[path] for path in html)
    assert sorted(after) == sorted(before)
    index = [path for path in after if path.startswith("pagefind/")]  # the search index is not made again
    assert "pagefind/2023/pagefind-entry.json" in index and all(after[path] == before[path] for path in index)


def test_a_damaged_search_index_is_made_again(tmp_path):
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    assert run_build(content, output).returncode == 0
    expected = search_index(output)
    fragment = next(path for path in sorted(expected) if path.startswith("pagefind/2024/fragment/"))
    (output / fragment).write_bytes(b"damaged")  # in place: same inode, another size and time
    assert run_build(content, output).returncode == 0
    assert search_index(output) == expected


def test_another_pagefind_setting_makes_the_index_again(tmp_path):
    """An environment setting pagefind reads is part of the index's key: the rebuild equals a clean build."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    assert run_build(content, output).returncode == 0
    before = search_index(output)
    setting = {**os.environ, "PAGEFIND_EXCLUDE_SELECTORS": "p.lede"}
    assert run_build(content, output, env=setting).returncode == 0
    assert run_build(content, tmp_path / "clean", env=setting).returncode == 0
    assert search_index(output) == search_index(tmp_path / "clean") != before


def test_a_page_written_again_over_a_reused_one_never_writes_through_the_link(tmp_path):
    """The writer hard-links a reused page from the previous output; a second write of the same file (Pelican's
    override=True) must replace the link, not truncate the previous build's file through it."""
    from warta_incremental.writer import IncrementalWriter

    previous, staging = tmp_path / "output", tmp_path / "staging"
    previous.mkdir()
    staging.mkdir()
    (previous / "index.html").write_text("previous build", encoding="utf-8")
    writer = IncrementalWriter(str(staging), settings={"PREVIOUS_OUTPUT_PATH": str(previous),
                                                       "CACHE_PATH": str(tmp_path / "cache")})
    target = str(staging / "index.html")
    writer.pending[target] = previous / "index.html"
    with writer._open_w(target, "utf-8") as handle:
        handle.write("")
    assert (staging / "index.html").stat().st_ino == (previous / "index.html").stat().st_ino
    with writer._open_w(target, "utf-8", override=True) as handle:
        handle.write("this build")
    assert (previous / "index.html").read_text(encoding="utf-8") == "previous build"
    assert (staging / "index.html").read_text(encoding="utf-8") == "this build"
    with pytest.raises(Exception, match="overwrite"):  # Pelican's own rule still holds: once overridden, never again
        writer._open_w(target, "utf-8", override=True)


def test_editing_the_front_page_s_lead_leaves_the_later_index_pages_alone(tmp_path):
    """Only the index's first page is given the front page (its edition, lead and sections): a body edit of the
    newest article renders the first page again and the second (its link back reads the first page), not the
    pages of older news after them."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    source = (content / ARTICLE).read_text(encoding="utf-8")
    for day in range(1, 21):  # older news, for more pages
        (content / f"articles/2023/09/arsip-{day:02}.md").write_text(
            re.sub(r"^title: .*$", f'title: "Arsip {day}"', source, count=1, flags=re.M)
            .replace("2023-09-17T10:15", f"2023-08-{day:02}T07:00"), encoding="utf-8")
    assert run_build(content, output).returncode == 0
    before = inodes(output)
    later = [path for path in before
             if re.fullmatch(r"halaman/\d+/index\.html", path) and path != "halaman/2/index.html"]
    edit(content / "articles/2024/12/russia-north-korea-defence-treaty-takes-effect.md", r"transport links,",
         "transport and energy links,")
    assert run_build(content, output).returncode == 0
    after = inodes(output)
    assert len(later) >= 2 and all(after[path] == before[path] for path in later)
    assert after["index.html"] != before["index.html"]  # the lead's own page shows it: rendered again


def test_a_new_article_leaves_the_pages_of_articles_it_is_not_related_to_alone(tmp_path):
    """An article's page is given its own related articles, not the whole site's: adding an article that shares
    nothing with the others renders no other article's page again."""
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    assert run_build(content, output).returncode == 0
    before = inodes(output)
    (content / "articles/2023/09/hujan-pertama.md").write_text(
        "---\ntitle: Hujan pertama turun setelah kemarau panjang\ndate: 2023-09-18T06:00:00+07:00\nlang: id\n"
        "category: Internasional\nauthors: [Redaksi Warta]\nstatus: published\n---\n\n"
        "Hujan deras turun pagi ini setelah berbulan-bulan kemarau, dan warga menyambutnya dengan lega.\n",
        encoding="utf-8")
    assert run_build(content, output).returncode == 0
    after = inodes(output)
    articles = [path for path in before if re.fullmatch(r"20\d\d/\d\d/[^/]+/index\.html", path)]
    again = [path for path in articles if after.get(path) != before[path]]
    assert len(articles) >= 15 and len(again) <= 3, again  # at most its neighbours in time (previous, next links)
