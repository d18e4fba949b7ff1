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
