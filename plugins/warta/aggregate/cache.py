"""A folder cache of article analyses keyed by content, registry and code digests, with each article's name spans,
its enrichment (both kept while the corpus statistics answer their questions as before) and its HTML with first
mentions linked (the one part that is output: the cache is as trusted as the output).

Stored as JSON, never pickle: whoever can write ``.cache/`` must not be able to run code in a build. Entries are
spread over up to 256 files by the first two digits of their key, so that an edit rewrites about 1/256 of the
cache, not all of it. Each entry is stored as a JSON text of its own inside its file's JSON, and read only when its
article asks for it: a loaded cache holds one string per entry, not the small objects its decoded form would be
(about 70 KB per article). A file that is corrupt or not ours is ignored and rebuilt; :attr:`AnalysisCache.warning`
says why (the glue logs it once), and the build goes on.
"""

from __future__ import annotations

import dataclasses
import json
import os
import tempfile
import types
import typing
from dataclasses import replace
from datetime import date
from functools import cache
from itertools import repeat
from operator import attrgetter
from pathlib import Path
from sys import intern

from warta.aggregate.enrich import Analysis, Enrichment
from warta.entities.corpus_reads import QUESTIONS
from warta.entities.matcher import Mention
from warta.entities.names import Name
from warta.entities.text import ArticleText
from warta.jsontext import compact
from warta.temporal import TimeExpr

FORMAT = "warta-analysis-9"
SHARD = 2  # leading characters of a key that name its file


def shard_of(key: str) -> str:
    return key[:SHARD]


class AnalysisCache:
    def __init__(self, folder: Path, enrichments: str = ""):
        """``enrichments``: the stamp of the enrichments the build can use (``enrichment_stamp``); entries made
        under another are not even loaded (after a registry or code change, all of them)."""
        self.folder, self.enrichments = Path(folder), enrichments
        self.old: dict = {}
        self.new: dict = {}
        self.old_names: dict = {}  # name spans per article, with the corpus questions they asked
        self.new_names: dict[str, str] = {}  # key -> its entry's JSON text
        self.old_links: dict = {}  # an article's HTML with its first mentions linked, by digest of its inputs
        self.new_links: dict[str, str] = {}
        self.old_enriched: dict = {}  # an article's Enrichment, with the corpus questions it asked
        # Entries are kept as objects (the build holds them anyway) and written as JSON only when their file is: as
        # text they would be about 9 KB per article more at the build's peak.
        self.new_enriched: dict[str, tuple] = {}
        self.hits = self.name_hits = self.enrich_hits = self.computed = 0
        self.warning: str | None = None
        self.stored: dict[str, tuple[set, ...]] = {}  # file -> the keys of entries, names, links, enrichments in it
        self.read: set[str] = set()  # keys of entries that came from a file
        self.dirty: set[str] = set()  # files whose entries changed or that were ignored
        for file in sorted(self.folder.glob("*.json")):
            self._load(file)

    def _load(self, file: Path) -> None:
        try:
            with open(file, "rb") as handle:
                data = json.loads(handle.read())
            if not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict)):
                raise ValueError("not a Warta analysis cache")
            names = data.get("names") if isinstance(data.get("names"), dict) else {}
            links = data.get("links") if isinstance(data.get("links"), dict) else {}
            enriched = data.get("enriched") if isinstance(data.get("enriched"), dict) else {}
            if data.get("enriched_with") != self.enrichments:
                enriched = {}
        except (OSError, ValueError, RecursionError) as error:  # JSON and UTF-8 errors are ValueErrors
            self._ignore(error, file.stem)
            return
        self.old.update(data["entries"])
        self.old_names.update(names)
        self.old_links.update(links)
        self.old_enriched.update(enriched)
        self.stored[file.stem] = (set(data["entries"]), set(names), set(links), set(enriched))  # popped as read

    def _ignore(self, error: Exception, shard: str) -> None:
        """Forget one file's entries; it is written again on save."""
        for old, keys in zip((self.old, self.old_names, self.old_links, self.old_enriched), self.stored.get(shard, ())):
            for key in keys:
                old.pop(key, None)
        self.dirty.add(shard)
        if self.warning is None:
            self.warning = (f"{self.folder / f'{shard}.json'}: analysis cache ignored and rebuilt "
                            f"({type(error).__name__}: {error})")

    def cached(self, key: str, valid=None, registry: str = "") -> tuple[Analysis, bool] | None:
        """The analysis under ``key`` if it decodes, and whether its registry matches were found with ``registry``
        (a digest; when not, only its text and times hold); when they were, it must pass ``valid``. None counts
        as computed."""
        def read(text):
            analysis, matched_with = json.loads(_typed(text, str))
            value = decode(analysis)
            current = _typed(matched_with, str) == registry
            if current and valid is not None and not valid(value):
                raise ValueError(f"entry {key[:12]} does not fit this registry")
            return value, current

        found = self._lookup(self.old, key, read)
        if found is not None:
            self.hits += 1
            if found[1]:
                self.read.add(key)  # else its entry is written again, with the new matches
        return found

    def keep(self, key: str, analysis: Analysis, registry: str = "") -> None:
        self.new[key] = (analysis, registry)
        if key not in self.read:
            self.dirty.add(shard_of(key))

    def cached_names(self, key: str, size: int, answers) -> tuple[list[Name], list] | None:
        """The name spans under ``key`` (of a text of ``size`` characters) and the questions they asked, while the
        corpus statistics answer those as before (``answers(questions)``: a digest of the answers); kept when so."""
        entry = self._lookup(self.old_names, key, lambda text: (text, *_names_entry(text, size)))
        if entry is None:
            return None
        text, questions, answered, spans = entry
        if answers(questions) != answered:
            self.computed += 1  # stale: _lookup counted only absent entries
            return None
        self.name_hits += 1
        self.new_names[key] = text
        return spans, questions

    def keep_names(self, key: str, spans: list[Name], questions: list, answers: str) -> None:
        self.new_names[key] = compact([questions, answers, [[n.start, n.end, n.type, n.confidence,
                                                              n.alias_of and list(n.alias_of)] for n in spans]])
        self.dirty.add(shard_of(key))

    def retain_names(self, key: str) -> None:
        """Keep the name spans under ``key`` for a later build without reading them (its enrichment came from
        here): an edit elsewhere may yet change the enrichment's answers, not the spans'."""
        text = self.old_names.pop(key, None)
        if text is not None:
            self.new_names[key] = text

    def cached_enrichment(self, key: str, analysis: Analysis, answers, valid=None) -> Enrichment | None:
        """The enrichment under ``key`` (of an article with this ``analysis``) while the corpus statistics answer
        the questions it asked as before; kept when so. It must pass ``valid`` (the ids it names are known)."""
        def read(text):
            questions, answered, data = json.loads(_typed(text, str))
            if answers(_questions(questions)) != _typed(answered, str):
                return None
            enrichment = decode_enrichment(data, analysis)
            if valid is not None and not valid(enrichment):
                raise ValueError(f"entry {key[:12]} does not fit this registry")
            return compact(questions), answered, enrichment

        found = self._lookup(self.old_enriched, key, read, counted=False)
        if found is None:
            return None
        self.enrich_hits += 1
        questions, answered, enrichment = found
        self.new_enriched[key] = (enrichment, analysis, questions, answered)
        return enrichment

    def keep_enrichment(self, key: str, enrichment: Enrichment, analysis: Analysis, questions: list,
                        answers: str) -> None:
        self.new_enriched[key] = (enrichment, analysis, compact(questions), answers)
        self.dirty.add(shard_of(key))

    def drop_unread_enrichments(self) -> None:
        """Forget the entries no article asked for (a registry change leaves every one of them behind): they would
        only be dropped at :meth:`save`, after the build's peak."""
        self.old_enriched.clear()

    def cached_links(self, key: str) -> str | None:
        """The linked HTML kept under ``key`` (a digest of the HTML and its links); kept when found."""
        html = self.old_links.pop(key, None)
        if html is None:
            return None
        if type(html) is not str:
            self._ignore(TypeError(f"linked HTML {key[:12]} is not a string"), shard_of(key))
            return None
        self.new_links[key] = html
        return html

    def keep_links(self, key: str, html: str) -> None:
        self.new_links[key] = html
        self.dirty.add(shard_of(key))

    def _lookup(self, old: dict, key: str, read, counted: bool = True):
        """``read(old[key])``, or None when absent or unreadable (then its file is ignored, with a warning) and,
        when ``counted``, counted as computed. The raw entry is dropped once read: a large site's cache is not
        held twice."""
        if key in old:
            try:
                return read(old.pop(key))
            except (TypeError, ValueError, KeyError, IndexError, RecursionError) as error:
                self._ignore(error, next((name for name, stored in self.stored.items()
                                          if any(key in keys for keys in stored)), shard_of(key)))
        self.computed += counted
        return None

    def save(self) -> None:
        """Keep only what this build used, writing each file atomically; a file whose entries all came from it and
        that holds no others is left alone, and one left with no entries is removed."""
        wanted: dict[str, tuple[dict, dict, dict, dict]] = {}
        for part, new in enumerate((self.new, self.new_names, self.new_links, self.new_enriched)):
            for key, value in new.items():
                wanted.setdefault(shard_of(key), ({}, {}, {}, {}))[part][key] = value
        for shard in sorted(wanted.keys() | self.stored.keys() | self.dirty):
            entries, names, links, enriched = parts = wanted.get(shard, ({}, {}, {}, {}))
            if shard not in self.dirty and tuple(part.keys() for part in parts) == self.stored.get(shard):
                continue
            path = self.folder / f"{shard}.json"
            if not any(parts):
                path.unlink(missing_ok=True)
                continue
            self._write(path, {"format": FORMAT,
                               "entries": {key: compact([encode(value), registry])
                                           for key, (value, registry) in sorted(entries.items())},
                               "names": dict(sorted(names.items())), "links": dict(sorted(links.items())),
                               "enriched_with": self.enrichments,
                               "enriched": {key: _enriched_text(value) for key, value in sorted(enriched.items())}})

    def _write(self, path: Path, data: dict) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        text = compact(data)
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".analysis-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise


def encode(analysis: Analysis) -> list:
    text = analysis.text
    return [
        [text.text, list(text.title_span), list(text.lede_span), [list(s) for s in text.paragraph_spans],
         [list(s) for s in text.heading_spans]],
        [[m.start, m.end, m.entity_id, m.surface, m.via, list(m.candidates)] for m in analysis.mentions],
        [[t.phrase, t.start, t.end, t.value.isoformat(), t.precision, t.iso,
          t.end_value and t.end_value.isoformat(), t.end_precision, t.end_iso, t.cue,
          t.anchor and list(t.anchor), t.weekday_written] for t in analysis.times],
    ]


def decode(data) -> Analysis:
    """The analysis :func:`encode` wrote; ValueError/TypeError for anything else."""
    (body, title, lede, paragraphs, headings), mentions, times = data
    size = len(_typed(body, str))
    text = ArticleText(body, _span(title, size), _span(lede, size), tuple(_span(s, size) for s in paragraphs),
                       heading_spans=tuple(_span(s, size) for s in headings))
    found = []
    for start, end, entity_id, surface, via, candidates in mentions:
        if not (type(start) is int and type(end) is int and 0 <= start <= end <= size):
            start, end = _span((start, end), size)  # raises the error
        found.append(Mention(start, end, _word(entity_id), _word(surface), _word(via),
                             () if candidates == [] else tuple(map(_word, candidates))))
    exprs = []
    for phrase, start, end, value, precision, iso, end_value, end_precision, end_iso, cue, anchor, weekday in times:
        start, end = _span((start, end), size)
        exprs.append(TimeExpr(
            _typed(phrase, str), start, end, date.fromisoformat(_typed(value, str)), _word(precision),
            _word(iso), None if end_value is None else date.fromisoformat(_typed(end_value, str)),
            _word(end_precision), _typed(end_iso, str), _word(cue),
            None if anchor is None else _span(anchor, size), _word(weekday)))
    return Analysis(text, tuple(found), tuple(exprs))



def _enriched_text(value: tuple) -> str:
    """An enrichment entry's JSON, [questions, answers, the encoded enrichment] as compact writes it."""
    enrichment, analysis, questions, answers = value
    return f"[{questions},{compact(answers)},{compact(encode_enrichment(enrichment, analysis))}]"


def encode_enrichment(enrichment: Enrichment, analysis: Analysis) -> list:
    """As a JSON list; a linked mention that is one of the analysis's matches as it stands is written as its
    number there (most are: the one object then serves both)."""
    number = {id(m): n for n, m in enumerate(analysis.mentions)}
    row = _row(replace(enrichment, mentions=()))
    row[-1] = [number[id(m)] if id(m) in number else _row(m) for m in enrichment.mentions]
    return row


def decode_enrichment(data, analysis: Analysis) -> Enrichment:
    """The enrichment :func:`encode_enrichment` wrote of an article with this ``analysis``; ValueError/TypeError
    for anything else."""
    data = _typed(data, list)
    mentions, matches, size = _typed(data[-1], list), analysis.mentions, len(analysis.text.text)
    enrichment = _decoder(Enrichment)(data[:-1] + [[]])
    linked = tuple([_decoder(Mention)(m) if type(m) is list else matches[_index(m, len(matches))] for m in mentions])
    for span in (*linked, *enrichment.ambiguous):
        _span((span.start, span.end), size)
    return replace(enrichment, mentions=linked)


def _index(value, size: int) -> int:
    if not 0 <= _typed(value, int) < size:
        raise ValueError(f"match {value} of {size}")
    return value


def _row(value) -> list:
    """A dataclass of plain values (and tuples and dataclasses of them) as a JSON list, field by field."""
    return _encoder(type(value))(value)


def _as_is(hint) -> bool:
    """A field type whose values JSON keeps as they are."""
    return hint in (str, int, float, bool) or hint == str | None


@cache
def _encoder(kind: type):
    """The function :func:`_row` uses for ``kind``: its fields in order, each of a type other than str, int, float
    and bool made plain by its declared type (:func:`_writer`)."""
    hints, names = typing.get_type_hints(kind), [field.name for field in dataclasses.fields(kind)]
    get = attrgetter(*names) if len(names) > 1 else (lambda value: (getattr(value, names[0]),))
    converted = [(number, _writer(hints[name])) for number, name in enumerate(names)
                 if not _as_is(hints[name])]

    def encode(value) -> list:
        row = list(get(value))
        for number, write in converted:
            row[number] = write(row[number])
        return row
    return encode


def _writer(hint):
    """The JSON value of a field of type ``hint`` (the inverse of :func:`_reader`)."""
    if hint is date:
        return date.isoformat
    if dataclasses.is_dataclass(hint):
        return _encoder(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in (str, int, float):
            return list
        write = _writer(args[0])
        return lambda value: list(map(write, value))
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        other = _writer(next(arg for arg in args if arg is not type(None)))
        return lambda value: None if value is None else other(value)
    raise TypeError(f"no writer for a field of type {hint}")


@cache
def _decoder(kind: type):
    """A function reading a JSON row (:func:`_row`) of ``kind`` back (the row is used up), checking each field
    against its declared type: values come back as they were (an int stays an int in a float field, as JSON keeps
    it), strings interned (ids, kinds, names as written recur across articles), TypeError/ValueError for anything
    else."""
    hints = typing.get_type_hints(kind)
    types_, converted, words = [], [], []
    for number, field in enumerate(dataclasses.fields(kind)):
        hint = hints[field.name]
        if hint is float:
            types_.append((int, float))
        elif _as_is(hint):
            types_.append(typing.get_args(hint) or hint)
            words += [number] if hint is str else []
        else:
            types_.append(object)
            converted.append((number, _reader(hint)))
    size, types_ = len(types_), tuple(types_)

    def decode(row):
        if type(row) is not list or len(row) != size or not all(map(isinstance, row, types_)):
            raise TypeError(f"not a {kind.__name__}: {str(row)[:60]}")
        for number, read in converted:
            row[number] = read(row[number])
        for number in words:
            row[number] = intern(row[number])
        return kind(*row)
    return decode


def _reader(hint):
    """A function giving the value of a field of a type other than str, int, float, bool from its JSON value."""
    if hint is date:
        return lambda value: date.fromisoformat(_typed(value, str))
    if dataclasses.is_dataclass(hint):
        return _decoder(hint)
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        if args[0] in (str, int, float):
            kinds = (int, float) if args[0] is float else args[0]
            item = intern if args[0] is str else None

            def plain(value):
                if type(value) is not list or not all(map(isinstance, value, repeat(kinds))):
                    raise TypeError(f"not a list of {args[0].__name__}: {str(value)[:60]}")
                return tuple(map(item, value) if item else value)
            return plain
        read = _reader(args[0])
        return lambda value: tuple(map(read, _typed(value, list)))
    if origin in (typing.Union, types.UnionType) and type(None) in args and len(args) == 2:
        other = _reader(next(arg for arg in args if arg is not type(None)))
        return lambda value: None if value is None else other(value)
    raise TypeError(f"no reader for a field of type {hint}")


def _questions(questions) -> list:
    for question, argument in _typed(questions, list):
        if question not in QUESTIONS:
            raise ValueError(f"not a question of the corpus statistics: {question!r}")
        _typed(argument, str)
    return questions


def _names_entry(text, size: int) -> tuple[list, str, list[Name]]:
    questions, answers, spans = json.loads(_typed(text, str))
    return _questions(questions), _typed(answers, str), [
        Name(*_span((start, end), size), _kind(kind), _confidence(confidence), None if alias is None else _span(alias, size))
        for start, end, kind, confidence, alias in spans]


def _kind(value):
    if value not in (None, "person", "organization", "place"):
        raise ValueError(f"not a type of name: {value!r}")
    return value and intern(value)


def _confidence(value) -> float:
    if type(value) not in (int, float) or not 0 <= value <= 1:
        raise ValueError(f"not a confidence: {value!r}")
    return value


def _word(value) -> str:
    """A string that recurs across articles (an id, a name as written, a kind), held once however many decode it."""
    return intern(_typed(value, str))


def _typed(value, kind):
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _span(pair, size: int) -> tuple[int, int]:
    start, end = pair
    if not (_typed(start, int) >= 0 and _typed(end, int) >= start and end <= size):
        raise ValueError(f"span {start}..{end} outside a text of {size} characters")
    return start, end
