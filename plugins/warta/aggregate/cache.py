"""A file cache of article analyses keyed by content, registry and code digests.

Stored as JSON, never pickle: whoever can write ``.cache/`` must not be able to run code in a
build. A file that is missing, corrupt or not ours is ignored and rebuilt; :attr:`AnalysisCache.warning`
says why (the glue logs it once), and the build goes on.
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from functools import partial
from pathlib import Path

from warta.aggregate.enrich import Analysis
from warta.entities.corpus_reads import QUESTIONS
from warta.entities.matcher import Mention
from warta.entities.names import Name
from warta.entities.text import ArticleText
from warta.temporal import TimeExpr

FORMAT = "warta-analysis-4"


class AnalysisCache:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.old: dict = {}
        self.new: dict = {}
        self.old_names: dict = {}  # name spans per article, with the corpus questions they asked
        self.new_names: dict = {}
        self.hits = self.name_hits = self.computed = 0
        self.warning: str | None = None
        self.stored: tuple[set, set] = (set(), set())
        try:
            with open(self.path, "rb") as handle:
                data = json.loads(handle.read())
            if not (isinstance(data, dict) and data.get("format") == FORMAT and isinstance(data.get("entries"), dict)):
                raise ValueError("not a Warta analysis cache")
            self.old = data["entries"]
            self.old_names = data.get("names") if isinstance(data.get("names"), dict) else {}
            self.stored = (set(self.old), set(self.old_names))  # what the file holds: entries are popped as read
        except FileNotFoundError:
            pass
        except (OSError, ValueError, RecursionError) as error:  # JSON and UTF-8 errors are ValueErrors
            self._ignore(error)

    def _ignore(self, error: Exception) -> None:
        self.old, self.old_names, self.stored = {}, {}, (set(), set())
        if self.warning is None:
            self.warning = f"{self.path}: analysis cache ignored and rebuilt ({type(error).__name__}: {error})"

    def cached(self, key: str, valid=None) -> Analysis | None:
        """The analysis under ``key`` if it decodes (and passes ``valid``); None counts as computed."""
        def read(data):
            value = decode(data)
            if valid is not None and not valid(value):
                raise ValueError(f"entry {key[:12]} does not fit this registry")
            return value

        value = self._lookup(self.old, key, read)
        self.hits += value is not None
        return value

    def keep(self, key: str, analysis: Analysis) -> None:
        self.new[key] = analysis

    def cached_names(self, key: str, size: int, answers) -> list[Name] | None:
        """The name spans under ``key`` (of a text of ``size`` characters) while the corpus statistics answer the
        questions they asked as before (``answers(questions)``: a digest of the answers); kept when so."""
        entry = self._lookup(self.old_names, key, partial(_names_entry, size=size))
        if entry is None:
            return None
        if answers(entry[0]) != entry[1]:
            self.computed += 1  # stale: _lookup counted only absent entries
            return None
        self.name_hits += 1
        self.new_names[key] = entry
        return entry[2]

    def keep_names(self, key: str, spans: list[Name], questions: list, answers: str) -> None:
        self.new_names[key] = (questions, answers, spans)

    def _lookup(self, old: dict, key: str, read):
        """``read(old[key])``, or None when absent or unreadable (then the whole file is ignored, with a warning)
        and counted as computed. The raw entry is dropped once read: a large site's cache is not held twice."""
        if key in old:
            try:
                return read(old.pop(key))
            except (TypeError, ValueError, KeyError, IndexError) as error:
                self._ignore(error)
        self.computed += 1
        return None

    def save(self) -> None:
        """Keep only what this build used; write atomically. Nothing to write when every entry came from the file
        and the file holds no others."""
        if (not self.computed and self.warning is None and self.new.keys() == self.stored[0]
                and self.new_names.keys() == self.stored[1]):
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        data = {"format": FORMAT, "entries": {key: encode(value) for key, value in sorted(self.new.items())},
                "names": {key: [questions, answers, [[n.start, n.end, n.type, n.confidence,
                                                      n.alias_of and list(n.alias_of)] for n in spans]]
                          for key, (questions, answers, spans) in sorted(self.new_names.items())}}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))  # one call: json's C encoder
        fd, temp = tempfile.mkstemp(dir=self.path.parent, prefix=".analysis-")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            os.replace(temp, self.path)
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
        start, end = _span((start, end), size)
        found.append(Mention(start, end, _typed(entity_id, str), _typed(surface, str), _typed(via, str),
                             tuple(_typed(c, str) for c in candidates)))
    exprs = []
    for phrase, start, end, value, precision, iso, end_value, end_precision, end_iso, cue, anchor, weekday in times:
        start, end = _span((start, end), size)
        exprs.append(TimeExpr(
            _typed(phrase, str), start, end, date.fromisoformat(_typed(value, str)), _typed(precision, str),
            _typed(iso, str), None if end_value is None else date.fromisoformat(_typed(end_value, str)),
            _typed(end_precision, str), _typed(end_iso, str), _typed(cue, str),
            None if anchor is None else _span(anchor, size), _typed(weekday, str)))
    return Analysis(text, tuple(found), tuple(exprs))


def _names_entry(data, size: int) -> tuple[list, str, list[Name]]:
    questions, answers, spans = data
    for question, argument in questions:
        if question not in QUESTIONS:
            raise ValueError(f"not a question of the corpus statistics: {question!r}")
        _typed(argument, str)
    return questions, _typed(answers, str), [
        Name(*_span((start, end), size), _kind(kind), _confidence(confidence), None if alias is None else _span(alias, size))
        for start, end, kind, confidence, alias in spans]


def _kind(value):
    if value not in (None, "person", "organization", "place"):
        raise ValueError(f"not a type of name: {value!r}")
    return value


def _confidence(value) -> float:
    if type(value) not in (int, float) or not 0 <= value <= 1:
        raise ValueError(f"not a confidence: {value!r}")
    return value


def _typed(value, kind):
    if type(value) is not kind:
        raise TypeError(f"expected {kind.__name__}, got {type(value).__name__}")
    return value


def _span(pair, size: int) -> tuple[int, int]:
    start, end = pair
    if not (_typed(start, int) >= 0 and _typed(end, int) >= start and end <= size):
        raise ValueError(f"span {start}..{end} outside a text of {size} characters")
    return start, end
