"""Which attributes of an article a family of templates can read, from the templates' syntax trees.

Most pages list articles by title, date and lede; their keys then digest only those attributes, so editing a
sentence, or anything else a listing does not show, does not render every listing that names the article
again. The answer errs one way only: whatever this module cannot follow (a helper it does not know, an attribute
named at run time, the body) means every attribute.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.tests import TESTS
from pelican.contents import Content

from .fingerprint import BODY_VALUES  # Pelican's properties whose inputs a page key digests

BODY_WORDS = ("content", "summary")  # content, _content, get_content, _update_content, summary, get_summary...
BODY_ATTRIBUTES = frozenset({"get_static_links", "__dict__"})
OWN_ATTRIBUTES = frozenset({"warta"})  # an article's attributes of ours, never an article (article.warta.summary)
ATTRIBUTE_FILTERS = frozenset({"attr", "map", "sort", "groupby", "unique", "min", "max", "sum", "join",
                               "selectattr", "rejectattr", "select", "reject", "dictsort"})
DATE_FILTERS = frozenset({"longdate", "longday", "shortdate", "monthyear", "eventdate"})  # warta_content.theme
SAFE_METHODS = frozenset({"get", "items", "keys", "values", "isoformat", "strftime",  # dicts and dates
                          "entity_page", "story_page", "edition_page", "timeline_json"})  # WARTA.urls, by id
PATH = re.compile(r"[\w.]+")  # a string that may name an attribute (sort(attribute="date"), attr("title"))
PRINTED = frozenset({"source_path"})  # what an article printed whole shows (Pelican's Content.__str__)
TEMPLATE_CALLS = frozenset({"super", "caller"})  # a parent block, a call block: templates of the family
HELPER_READS = {"story_jsonld": frozenset({"url", "title"}),  # warta_content.theme: of the articles they are given
                "article_jsonld": frozenset({"url", "warta"})}


def article_reads(trees: Iterable[nodes.Template], helpers: frozenset[str]
                  ) -> tuple[str | None, frozenset[str], list[str]]:
    """(why the templates may read any attribute of an article, or None; the attribute names they may read; the
    variables looked up by a key known only at run time, which must hold plain containers for the answer to
    stand). ``helpers``: global functions that read no article's attributes, or whose result is digested on
    its own; those of :data:`HELPER_READS` read what it says. ``content`` and ``summary`` may be among the names
    (:data:`BODY_VALUES`): the key digests what Pelican makes them of, not every attribute."""
    trees = list(trees)
    local, macros = set(), set()
    for tree in trees:
        for node in tree.find_all((nodes.Name, nodes.Macro, nodes.FromImport, nodes.Import)):
            if isinstance(node, nodes.Name) and node.ctx in ("store", "param"):
                local.add(node.name)
            elif isinstance(node, nodes.Macro):
                macros.add(node.name)
            elif isinstance(node, nodes.FromImport):
                macros.update(name if isinstance(name, str) else name[1] for name in node.names)
            elif isinstance(node, nodes.Import):
                macros.add(node.target)
    callables = helpers | macros | TEMPLATE_CALLS | frozenset(HELPER_READS)
    names: set[str] = set()
    lookups: set[str] = set()
    for tree in trees:
        for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Const, nodes.Filter, nodes.Test,
                                   nodes.Call)):
            why = _why(node, callables, local, names, lookups)
            if why:
                return why, frozenset(), []
    body = sorted(name for name in names if _body(name) and name not in BODY_VALUES)
    if body:
        return f".{body[0]}", frozenset(), []
    return None, frozenset(names) | PRINTED, sorted(lookups)


def _why(node, callables: frozenset[str], local: set[str], names: set[str],  # noqa: C901 (one branch per node)
         lookups: set[str]) -> str | None:
    """Why ``node`` may read any attribute of an article, or None; the names it reads go to ``names``, a lookup by
    a run-time key on a context variable to ``lookups``."""
    if isinstance(node, nodes.Getattr):
        if not (isinstance(node.node, nodes.Getattr) and node.node.attr in OWN_ATTRIBUTES):
            names.add(node.attr)
        return None
    if isinstance(node, nodes.Const):
        if isinstance(node.value, str) and PATH.fullmatch(node.value):
            names.update(node.value.split("."))
        return None
    if isinstance(node, nodes.Getitem):
        if isinstance(node.arg, (nodes.Const, nodes.Slice)):
            return None
        if isinstance(node.node, nodes.Name) and node.node.name not in local:
            lookups.add(node.node.name)
            return None
        return "an item looked up by a key known only at run time"
    arguments = [*node.args, *(keyword.value for keyword in node.kwargs)]
    if node.dyn_args is not None or node.dyn_kwargs is not None:
        return "arguments unpacked at run time"
    if isinstance(node, nodes.Filter):
        if node.name not in FILTERS and node.name not in DATE_FILTERS:
            return f"filter {node.name}"
        dynamic = node.name in ATTRIBUTE_FILTERS and not all(isinstance(a, nodes.Const) for a in arguments)
        return f"filter {node.name} with an attribute known only at run time" if dynamic else None
    if isinstance(node, nodes.Test):
        return None if node.name in TESTS else f"test {node.name}"
    callee = node.node  # a call
    if isinstance(callee, nodes.Name):
        names.update(HELPER_READS.get(callee.name, ()))
        return None if callee.name in callables else f"{callee.name}()"
    if isinstance(callee, nodes.Getattr):
        if callee.attr in SAFE_METHODS or all(isinstance(a, nodes.Const) for a in arguments):
            return None  # a method of an article is among the names read
        return f".{callee.attr}() given a value"
    return "a call of a computed function"


def _body(attribute: str) -> bool:
    """A method or property of Pelican's that reads the body, or the body itself; not any name with the words
    ('summary_large_image', a Twitter card's kind)."""
    return attribute in BODY_ATTRIBUTES or any(word in attribute for word in BODY_WORDS) and (
        attribute.startswith("_") or hasattr(Content, attribute))
