"""The analysis cache file: written when an entry was computed or dropped, left alone when nothing changed."""

from __future__ import annotations

import json

from warta.aggregate.cache import AnalysisCache
from warta.aggregate.enrich import Analysis
from warta.entities.text import article_text


def analysis(text: str) -> Analysis:
    return Analysis(article_text(text, "", ""), (), ())


def stamp(path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_ino, stat.st_mtime_ns


def test_the_file_is_rewritten_only_when_its_entries_change(tmp_path):
    path = tmp_path / "analysis.json"
    first = AnalysisCache(path)
    first.get("a", lambda: analysis("Satu."))
    first.get("b", lambda: analysis("Dua."))
    first.save()
    written = stamp(path)

    same = AnalysisCache(path)
    assert same.get("a", lambda: analysis("other")).text.text.strip() == "Satu."
    same.get("b", lambda: analysis("other"))
    same.save()
    assert stamp(path) == written and same.hits == 2

    fewer = AnalysisCache(path)  # "b" is no longer used: dropped from the file
    fewer.get("a", lambda: analysis("other"))
    fewer.save()
    assert sorted(json.loads(path.read_text(encoding="utf-8"))["entries"]) == ["a"]

    more = AnalysisCache(path)  # "c" is new: written beside "a"
    more.get("a", lambda: analysis("other"))
    more.get("c", lambda: analysis("Tiga."))
    more.save()
    assert sorted(json.loads(path.read_text(encoding="utf-8"))["entries"]) == ["a", "c"]
    assert AnalysisCache(path).get("c", lambda: analysis("other")).text.text.strip() == "Tiga."
