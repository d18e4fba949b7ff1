"""The lint's facts kept between builds (warta.source.lint_memo): an article read again only when its name or
text changed, and every check across files still made with the facts of the others."""

from __future__ import annotations

import json
import shutil

from warta.source.check import check_content
from warta.source.lint_memo import LintMemo

from tests.conftest import REPO

STORY = "title: Korea Utara dan Rusia\n"


def article(title: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2023-09-20T10:00:00+07:00\n{extra}---\nIsi berita.\n"


def lint(content, memo_path, salt="v1"):
    """(problems, how many articles were parsed rather than remembered)."""
    memo = LintMemo(memo_path, salt)
    report = check_content(content, warnings=False, memo=memo)
    memo.save()
    return report.problems, len(report.articles) - memo.hits


def test_facts_are_remembered_and_the_checks_across_files_still_see_them(tmp_path):
    content, memo = tmp_path / "content", tmp_path / "cache" / "warta-lint.json"
    shutil.copytree(REPO / "tests/data/site", content)
    (content / "stories").mkdir()
    (content / "stories/korut-rusia.yml").write_text(STORY, encoding="utf-8")
    (content / "articles/2023/09/ikut.md").write_text(article("Ikut cerita", "story: korut-rusia\n"),
                                                       encoding="utf-8")
    assert lint(content, memo) == ([], 3)
    assert lint(content, memo) == ([], 0)  # nothing changed: nothing parsed again
    assert lint(content, memo, salt="v2") == ([], 3)  # other code or settings: everything read again
    assert lint(content, memo) == ([], 3)  # and the memo keeps what the last lint used

    (content / "stories/korut-rusia.yml").unlink()  # the unchanged article names a story that is gone
    problems, parsed = lint(content, memo)
    assert parsed == 0 and [(p.path.rsplit("/", 1)[-1], p.line, p.message) for p in problems] == [
        ("ikut.md", 4, "unknown story 'korut-rusia'")]

    # same text, a new name whose slug another article has: the name is part of the key
    (content / "articles/2023/09/ikut.md").rename(content / "articles/2023/09/summit-english-2.md")
    shutil.copy(content / "articles/2023/09/summit-english-2.md", content / "articles/2023/09/kembar.md")
    (content / "articles/2023/09/kembar.md").write_text(article("Kembar", "slug: summit-english-2\n"),
                                                        encoding="utf-8")
    problems, parsed = lint(content, memo)
    assert parsed == 2 and any("duplicate slug 'summit-english-2'" in p.message for p in problems)


def test_an_entry_that_is_not_ours_is_read_again(tmp_path):
    content, memo = tmp_path / "content", tmp_path / "warta-lint.json"
    shutil.copytree(REPO / "tests/data/site", content)
    assert lint(content, memo) == ([], 2)
    data = json.loads(memo.read_text(encoding="utf-8"))
    first = sorted(data["entries"])[0]
    data["entries"][first] = ["slug", None, [1], [], [], {}]  # an id that is not a string
    memo.write_text(json.dumps(data), encoding="utf-8")
    assert lint(content, memo) == ([], 1)
    memo.write_text("not json", encoding="utf-8")
    assert lint(content, memo) == ([], 2)
