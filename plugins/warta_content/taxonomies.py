"""Tag, category and author pages without Pelican's quadratic step.

For each tag, category and author, Pelican's ``generate_tags`` (and the two others) keeps the site's articles by
date that are in that term's list: ``[a for a in self.dates if a in articles]``, a scan of the term's list for
every article of the site. Summed over the terms that grows with the square of the articles: 6 s of a
10,000-article rebuild, 25 times as much at 50,000. Each term's list gets a set beside it, so ``in`` is one
lookup; it stays a list of the same articles in the same order, so templates and page keys see what they saw.
"""

from __future__ import annotations


class ArticleList(list):
    """A list whose ``in`` looks items up in a set of them, made on first use and again when the length changed.
    Pelican's articles compare by identity (no ``__eq__``, default hash), as a set looks them up; an unhashable
    item falls back to the list's own scan."""

    _members: tuple[int, frozenset] | None = None

    def __contains__(self, item) -> bool:
        members = self._members
        try:
            if members is None or members[0] != len(self):
                members = self._members = (len(self), frozenset(self))
            return item in members[1]
        except TypeError:
            return list.__contains__(self, item)


def index_terms(generator) -> None:
    """Give the generator's tag, category and author lists (and the context's views of them) a set beside them."""
    for tag, articles in generator.tags.items():
        generator.tags[tag] = ArticleList(articles)
    for name in ("categories", "authors"):  # lists of (term, articles), the context's own objects
        pairs = getattr(generator, name)
        pairs[:] = [(term, ArticleList(articles)) for term, articles in pairs]
    if isinstance(generator.context.get("tags"), list):  # Pelican's copy of the tags as (tag, articles) pairs
        generator.context["tags"][:] = list(generator.tags.items())
