"""The front-matter reader: results converted ahead (by workers, with --jobs N) are used only for the same text."""

import shutil

from warta_build import load_settings
from warta_content.reader import WartaMarkdownReader

from tests.conftest import REPO


def reader_of(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    return WartaMarkdownReader(load_settings(content, tmp_path / "output", REPO / "pelicanconf.py")), content


def test_a_file_converted_ahead_reads_as_one_read_now(tmp_path):
    reader, content = reader_of(tmp_path)
    paths = sorted(str(path) for path in (content / "articles").rglob("*.md"))
    fresh = [reader.read(path) for path in paths]
    reader.prepare(paths, map)
    assert sorted(reader.prepared) == paths
    assert [reader.read(path) for path in paths] == fresh
    assert reader.prepared == {}  # each result is taken once


def test_a_file_changed_after_it_was_converted_is_read_again(tmp_path):
    reader, content = reader_of(tmp_path)
    path = str(next((content / "articles").rglob("*.md")))
    reader.prepare([path], map)
    with open(path, "a", encoding="utf-8") as source:
        source.write("\nSebuah paragraf yang ditambahkan kemudian.\n")
    html, _ = reader.read(path)
    assert "<p>Sebuah paragraf yang ditambahkan kemudian.</p>" in html


def test_a_link_out_of_the_content_folder_is_not_read_ahead(tmp_path):
    reader, content = reader_of(tmp_path)
    outside = tmp_path / "secret.md"
    outside.write_text(next((content / "articles").rglob("*.md")).read_text(encoding="utf-8"), encoding="utf-8")
    link = content / "articles" / "link.md"
    link.symlink_to(outside)
    reader.prepare([str(link)], map)
    assert reader.prepared == {}
