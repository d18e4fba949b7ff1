"""warta_content.taxonomies: the term lists Pelican scans once per article of the site."""

from pelican.contents import Article
from warta_content.taxonomies import ArticleList


def article(title: str) -> Article:
    return Article("", metadata={"title": title})


def test_membership_is_the_lists_own():
    first, second, third = article("a"), article("a"), article("b")  # equal titles, two articles
    listed = ArticleList([first])
    assert first in listed and second not in listed and third not in listed
    assert [x in listed for x in (first, second, third)] == [x in [first] for x in (first, second, third)]
    listed.append(third)  # a list changed after its first lookup is looked up again
    assert third in listed and second not in listed
    assert listed == [first, third] and type(listed[:1]) is list  # a list to templates and page keys


def test_unhashable_items_fall_back_to_a_scan():
    listed = ArticleList([[1], [2]])
    assert [2] in listed and [3] not in listed


def test_a_build_looks_up_its_terms_by_set(tmp_path):
    """In a real build, the lists Pelican's tag, category and author pages scan are ArticleLists by the time pages
    are written (a speed property: the pages themselves do not change)."""
    import json
    import subprocess
    import sys

    from tests.conftest import REPO

    script = f"""
import json, sys
from pelican import signals
from warta_build import build
seen = {{}}
def look(generators):
    articles = next(g for g in generators if hasattr(g, "tags"))
    seen.update(tags=sorted({{type(a).__name__ for a in articles.tags.values()}}),
                categories=sorted({{type(a).__name__ for _, a in articles.categories}}),
                authors=sorted({{type(a).__name__ for _, a in articles.authors}}),
                context=sorted({{type(a).__name__ for _, a in articles.context["tags"]}}))
signals.all_generators_finalized.connect(look)
code = build({str(REPO / "tests" / "data" / "site")!r}, {str(tmp_path / "output")!r}, stream=sys.stderr)
print(json.dumps({{"code": code, **seen}}))
"""
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.strip().splitlines()[-1])
    assert found == {"code": 0, "tags": ["ArticleList"], "categories": ["ArticleList"], "authors": ["ArticleList"],
                     "context": ["ArticleList"]}
