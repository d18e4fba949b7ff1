"""The content walk: what is read, what is refused with a line, what is skipped as Pelican skips it."""

from pathlib import Path

from warta.source.layout import scan


def write(path: Path, text: str = "x") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def test_kinds_and_refusals(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    content = tmp_path / "content"
    a = write(content / "articles/2023/a.md")
    write(content / "articles/.git/HEAD.md")  # hidden folders are skipped, as Pelican skips them
    (content / "articles/.#a.md").symlink_to("root@host.1234")  # an editor's lock file: skipped
    (content / "articles/b.md").symlink_to(a)  # a link inside the content folder is read
    write(content / "articles/.c.md")
    write(content / "articles/d.Markdown")
    page = write(content / "pages/tentang.md")
    people = write(content / "entities/people.yaml")
    story = write(content / "stories/s.yml")
    write(content / "stories/s.yml.bak")  # not a content suffix: ignored
    layout = scan(content)
    assert layout.articles == (a, content / "articles/b.md")
    assert (layout.pages, layout.entities, layout.stories) == ((page,), (people,), (story,))
    assert [str(p) for p in layout.problems] == [
        "content/articles/.c.md: hidden file: Warta does not read files whose names start with '.' "
        "(rename it without the leading '.')",
        "content/articles/d.Markdown: file name ends in '.Markdown', which Warta does not read "
        "(rename it to end in '.markdown')",
    ]


def test_without_articles_folder_markdown_outside_pages_is_articles(tmp_path):
    a = write(tmp_path / "2023/a.md")
    write(tmp_path / "pages/p.md")
    assert scan(tmp_path).articles == (a,)
