"""Digests of the values a template is given: equal digests mean the template sees equal inputs.

Anything this module does not know how to digest raises :class:`Unknown`; the caller then renders the page
(an unknown input can never make a stale page, only a slower build).
"""

from __future__ import annotations

import dataclasses
import functools
import datetime
import inspect
import hashlib
import io
import operator
import pickle
import re
import types
import typing
from enum import Enum

from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper
from warta.identity import identity

CONTENT_SKIP = {"_context", "settings"}  # the settings are digested once for the whole build
# Pelican's Content.content and .summary, made of: the body with its {filename} links resolved against the URLs of
# all content (``links``) from the source's folder and the page's own address (in its key: its path and the
# settings); the summary of the front-matter, or else the body cut short.
BODY_VALUES = {"content": "(body)", "summary": "(summary)"}
INTRASITE = re.compile(r"[{|](?:filename|static|attach|index|tag|category|author)[|}]")
MAX_DEPTH = 60


@functools.cache
def _field_names(kind: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(kind))


PLAIN = (str, int, float, bool, type(None), datetime.date, datetime.datetime)


@functools.cache
def _flat_kind(kind: type) -> bool:
    """One of our dataclasses whose fields are declared as plain values only (strings, numbers, dates, tuples of
    them, other such dataclasses): an article's entities and events. Its instances share nothing worth
    digesting once, so a sequence of them is pickled whole."""
    if not (dataclasses.is_dataclass(kind) and kind.__module__.startswith("warta.")):
        return False
    try:
        hints = typing.get_type_hints(kind)
    except Exception:  # noqa: BLE001 (an annotation that does not resolve: walk the fields instead)
        return False
    return all(_plain_hint(hints[name]) for name in _field_names(kind))


def _plain_hint(hint, nested: bool = True) -> bool:
    """A declared type of plain values, at any depth, and (``nested``) flat dataclasses."""
    if hint in PLAIN:
        return True
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType, tuple):
        return all(arg is Ellipsis or _plain_hint(arg, nested) for arg in typing.get_args(hint))
    return nested and isinstance(hint, type) and _flat_kind(hint)


@functools.cache
def _row_of(kind: type):
    """A function giving an instance of a flat kind as a tuple of its fields, nested flat dataclasses as (kind,
    fields): pickling plain tuples is several times faster than pickling the objects."""
    names = _field_names(kind)
    get = operator.attrgetter(*names) if len(names) > 1 else (lambda value: (getattr(value, names[0]),))
    hints = typing.get_type_hints(kind)
    nested = tuple(number for number, name in enumerate(names) if not _plain_hint(hints[name], nested=False))
    if not nested:
        return get

    def row(value) -> tuple:
        fields = list(get(value))
        for number in nested:
            fields[number] = _plain(fields[number])
        return tuple(fields)
    return row


def _plain(value):
    if dataclasses.is_dataclass(value) and _flat_kind(type(value)):
        return type(value).__qualname__, _row_of(type(value))(value)
    if type(value) is tuple:
        return tuple(_plain(item) for item in value)
    return value


def _pickled(value) -> bytes | None:
    """``value`` pickled without the memo (so equal values give equal bytes whatever objects they share), or
    None if it cannot be. Equal bytes mean equal values: pickle writes every field."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(value)
    except (pickle.PicklingError, TypeError, ValueError, AttributeError, RecursionError):
        return None
    return buffer.getvalue()


class Unknown(Exception):
    """A value of a kind this module cannot digest reliably."""


SAME = object()  # digest(): the projection of the enclosing digest


class Fingerprints:
    """Digests values; long-lived objects (articles, records, registry entries) are digested once per build."""

    def __init__(self, links: bytes = b""):
        self.shown: frozenset[str] | None = None  # the attributes of an article a page can read (None: all)
        self.memos: dict[frozenset[str] | None, dict[int, tuple[object, bytes]]] = {None: {}}  # per projection
        self.memo = self.memos[None]  # id -> (the object, kept alive; its digest): values that hold an article
        self.pure: dict[int, tuple[object, bytes]] = {}  # values that hold none, the same for every projection
        # article id -> (the article, digests of sets of its attributes by their names)
        self.fields: dict[int, tuple[object, dict[tuple[str, ...], bytes]]] = {}
        self.contents = 0  # articles and pages met so far: a digest that met none holds none
        self.links = links  # digest of every content URL: the input of {filename} links in a text

    def digest(self, value, shown=SAME) -> bytes:
        """``shown``: the attribute names of articles and pages the digest covers (None: all of them, the
        default; warta_incremental.reads)."""
        if shown is not SAME and shown != self.shown:
            self.shown, self.memo = shown, self.memos.setdefault(shown, {})
        h = hashlib.blake2b(digest_size=16)
        self._feed(h, value, 0)
        return h.digest()

    def _memo(self, value, depth: int, fields) -> bytes:
        """``fields``: (name, value) pairs, or a function giving them (called only when not known yet)."""
        found = self._known(value)
        if found is not None:
            return found
        contents = self.contents
        h = hashlib.blake2b(digest_size=16)
        h.update(type(value).__qualname__.encode())
        for name, item in fields() if callable(fields) else fields:
            h.update(name.encode() + b"=")
            self._feed(h, item, depth + 1)
        result = h.digest()
        self._remember(value, result, pure=self.contents == contents)
        return result

    def _known(self, value) -> bytes | None:
        found = self.pure.get(identity(value))
        if found is not None and found[0] is value:
            return found[1]
        found = self.memo.get(identity(value))
        if found is not None and found[0] is value:
            self.contents += 1  # what holds this holds an article too
            return found[1]
        return None

    def _remember(self, value, digest: bytes, pure: bool) -> None:
        (self.pure if pure else self.memo)[identity(value)] = (value, digest)

    def _feed(self, h, value, depth: int) -> None:  # noqa: C901 (one branch per kind of value)
        if depth > MAX_DEPTH:
            raise Unknown("nested too deep")
        kind = type(value)
        if kind is str:  # the most common kinds first
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(data) + data)
        elif value is None or kind is bool or kind is int or kind is float:
            h.update(b"v%r;" % (value,))
        elif (found := self._known(value)) is not None:  # seen on another page
            h.update(found)
        elif (kind is tuple or kind is list) and value and _flat_kind(first := type(value[0])) and all(
                type(item) is first for item in value) and (flat := self._records(value)) is not None:
            h.update(flat)
        elif kind is tuple or kind is list:
            h.update(b"[%d" % len(value))
            for item in value:
                self._feed(h, item, depth + 1)
            h.update(b"]")
        elif isinstance(value, str):  # str and Markup
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(data) + data)
        elif isinstance(value, bytes):
            h.update(b"b%d:" % len(value) + value)
        elif isinstance(value, (list, tuple)):
            h.update(b"[%d" % len(value))
            for item in value:
                self._feed(h, item, depth + 1)
            h.update(b"]")
        elif isinstance(value, dict):
            h.update(b"{%d" % len(value))
            for key in sorted(value, key=repr):
                self._feed(h, key, depth + 1)
                self._feed(h, value[key], depth + 1)
            h.update(b"}")
        elif isinstance(value, (set, frozenset)):
            h.update(b"<" + b"".join(sorted(self.digest(item) for item in value)) + b">")
        elif isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
            h.update(f"t{type(value).__name__}{value.isoformat()}{getattr(value, 'tzinfo', None)};".encode())
        elif isinstance(value, datetime.tzinfo):
            h.update(f"z{kind.__qualname__}:{value};".encode())
        elif isinstance(value, Enum):
            h.update(f"e{kind.__qualname__}.{value.name};".encode())
        elif isinstance(value, Content):
            h.update(self._content(value, depth))
        elif isinstance(value, URLWrapper):
            h.update(f"w{kind.__name__}:{value.name}|{value.slug};".encode())
        elif isinstance(value, Page):
            self._feed(h, ("page", value.number, value.paginator.num_pages, value.paginator.count,
                           value.paginator.per_page, value.object_list, value.url, value.save_as), depth + 1)
        elif isinstance(value, Paginator):
            self._feed(h, ("paginator", value.name, value.url, value.per_page, value.object_list), depth + 1)
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            h.update(self._memo(value, depth, lambda: [(n, getattr(value, n)) for n in _field_names(kind)]))
        elif hasattr(value, "__dict__") and kind.__module__.startswith("warta."):
            h.update(self._memo(value, depth, lambda: sorted(vars(value).items())))
        else:
            raise Unknown(f"{kind.__module__}.{kind.__qualname__}")

    def _records(self, value) -> bytes | None:
        """A sequence of one flat dataclass (an article's entities, its events) pickled at C speed as rows of field
        values, since walking them field by field was most of the cost of every article page's key; None if pickle
        cannot write it."""
        found = self._known(value)
        if found is not None:
            return found
        kind = type(value[0])
        data = _pickled((kind.__module__, kind.__qualname__, [_row_of(kind)(item) for item in value]))
        if data is None:
            return None
        result = b"p" + hashlib.blake2b(data, digest_size=16).digest()
        self._remember(value, result, pure=True)  # flat records hold no article
        return result

    def _content(self, content: Content, depth: int) -> bytes:
        """An article or page: every attribute but the shared context and settings, and the URLs its links use;
        only those named in ``self.shown`` when it is not None, with the URL and save path (digested once for
        every projection that leaves the same attributes)."""
        found = self._known(content)
        if found is not None:
            return found
        self.contents += 1
        state, shown = vars(content), self.shown
        if shown is None or _computed(type(content), shown):
            names = sorted(k for k in state if k not in CONTENT_SKIP)
            if INTRASITE.search(state.get("_content") or ""):
                names.append("(links)")
        else:
            names = sorted(k for k in state if k in shown and k not in CONTENT_SKIP)
            names += [BODY_VALUES[name] for name in sorted(shown & BODY_VALUES.keys())]
        names = (*names, "(url)", "(save_as)")  # not names an attribute can have
        known = self.fields.get(identity(content))
        if known is None or known[0] is not content:
            known = self.fields[identity(content)] = (content, {})
        result = known[1].get(names)
        if result is None:
            contents, h = self.contents, hashlib.blake2b(digest_size=16)
            h.update(type(content).__qualname__.encode())
            for name in names:
                h.update(name.encode() + b"=")
                self._feed(h, self._attribute(content, state, name), depth + 1)
            result = h.digest()
            if self.contents == contents:  # else an attribute holds an article, digested for this projection
                known[1][names] = result
        self._remember(content, result, pure=False)
        return result

    def _attribute(self, content: Content, state: dict, name: str):
        if name == "(links)":
            return self.links
        if name == "(body)":
            return self._body(state)
        if name == "(summary)":
            metadata = state.get("metadata") or {}
            return metadata["summary"] if "summary" in metadata else ("(cut)", self._body(state))
        if name[0] == "(":
            return getattr(content, name[1:-1])
        return [t.url for t in state[name]] if name == "translations" else state[name]

    def _body(self, state: dict) -> tuple:
        """What Pelican's Content.get_content makes the body of (with the page's address): :data:`BODY_VALUES`."""
        body = state.get("_content")
        return body, state.get("source_path"), self.links if INTRASITE.search(body or "") else b""


@functools.cache
def _computed(kind: type, shown: frozenset[str]) -> bool:
    """Whether a name read is a property or method of the class (but the URL and save path, always digested, and
    Pelican's own content and summary, :data:`BODY_VALUES`), which may read any attribute; or the class makes its
    body some other way (``_get_content``)."""
    if hasattr(kind, "_get_content") or any(
            inspect.getattr_static(kind, name, None) is not inspect.getattr_static(Content, name, None)
            for name in BODY_VALUES):
        return True
    return any(callable(found) or hasattr(found, "__get__") for found in (
        inspect.getattr_static(kind, name, None) for name in shown - {"url", "save_as", *BODY_VALUES}))
