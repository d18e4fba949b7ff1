"""Whether a family of templates can show an article's body, read from the templates' syntax trees.

Most pages list articles by title, date and lede; their keys then leave the bodies out, so editing a sentence
does not render every listing that names the article again. The answer errs one way only: whatever this
module cannot follow (a helper it does not know, an attribute named at run time) counts as showing the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jinja2 import nodes
from jinja2.filters import FILTERS
from jinja2.tests import TESTS

BODY_WORDS = ("content", "summary")  # content, _content, get_content, _update_content, summary, get_summary...
BODY_ATTRIBUTES = frozenset({"get_static_links", "__dict__"})
OWN_ATTRIBUTES = frozenset({"warta"})  # an article's attributes of ours, never an article (article.warta.summary)
ATTRIBUTE_FILTERS = frozenset({"attr", "map", "sort", "groupby", "unique", "min", "max", "sum", "join",
                               "selectattr", "rejectattr", "select", "reject", "dictsort"})
DATE_FILTERS = frozenset({"longdate", "longday", "shortdate", "monthyear", "eventdate"})  # warta_content.theme
SAFE_METHODS = frozenset({"get", "items", "keys", "values", "isoformat", "strftime",  # dicts and dates
                          "entity_page", "story_page", "edition_page", "timeline_json"})  # WARTA.urls, by id
PATH = re.compile(r"[\w.]+")  # a string that may name an attribute (sort(attribute="date"), attr("title"))
BLIND_GLOBALS = frozenset({"story_jsonld"})  # reads the url and title of the articles it is given


def body_reads(trees: Iterable[nodes.Template], helpers: frozenset[str]) -> tuple[str | None, list[str]]:
    """(why the templates may show a body, or None; the variables looked up by a key known only at run time,
    which must hold plain containers for the answer to stand). ``helpers``: global functions whose reads are
    known (their arguments are not articles, or what they read is digested on its own)."""
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
    lookups: set[str] = set()
    for tree in trees:
        for node in tree.find_all((nodes.Getattr, nodes.Getitem, nodes.Const, nodes.Filter, nodes.Test,
                                   nodes.Call)):
            why = _why(node, helpers | macros | BLIND_GLOBALS, local, lookups)
            if why:
                return why, []
    return None, sorted(lookups)


def _why(node, callables: frozenset[str], local: set[str], lookups: set[str]) -> str | None:  # noqa: C901
    if isinstance(node, nodes.Getattr):
        own = isinstance(node.node, nodes.Getattr) and node.node.attr in OWN_ATTRIBUTES
        return f".{node.attr}" if _body(node.attr) and not own else None
    if isinstance(node, nodes.Const):
        named = isinstance(node.value, str) and PATH.fullmatch(node.value) and any(
            _body(part) for part in node.value.split("."))
        return f"{node.value!r}" if named else None
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
        return None if callee.name in callables else f"{callee.name}()"
    if isinstance(callee, nodes.Getattr):
        if callee.attr in SAFE_METHODS or all(isinstance(a, nodes.Const) for a in arguments):
            return None  # a method of an article that reads its body has a name _body() knows
        return f".{callee.attr}() given a value"
    return "a call of a computed function"


def _body(attribute: str) -> bool:
    return attribute in BODY_ATTRIBUTES or any(word in attribute for word in BODY_WORDS)
