"""Precision and recall of extract() against labelled articles (the labelled set and held-out runs).

A case is ``{name?, lang, published, text, class?, gold: [{phrase, iso, precision, end?, end_precision?,
class?}], nonevents?: [phrase]}``. ``python -m warta.temporal.evaluate [--lenient] FILE...`` prints the
scores per class.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from warta.temporal.extract import PRECISION_RANK, extract
from warta.temporal.resolve import add_months

_WEEK = re.compile(r"(\d{4})-W(\d\d)$")


def period(iso: str) -> tuple[date, date]:
    """First and last day of an ISO date at any precision: ``2023-09-13``, ``2023-W37``, ``2023-09``, ``2023``."""
    iso = str(iso)
    week = _WEEK.match(iso)
    if week:
        first = date.fromisocalendar(int(week[1]), int(week[2]), 1)
        return first, first + timedelta(days=6)
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        day = date(*parts)
        return day, day
    if len(parts) == 2:
        first = date(parts[0], parts[1], 1)
        return first, add_months(first, 1) - timedelta(days=1)
    return date(parts[0], 1, 1), date(parts[0], 12, 31)


def _place(text: str, phrases: list[str]) -> list[tuple[int, int]]:
    """Each phrase on its first free occurrence (longer phrases first); (-1, -1) when absent."""
    spans: dict[int, tuple[int, int]] = {}
    taken: list[tuple[int, int]] = []
    for index in sorted(range(len(phrases)), key=lambda i: -len(phrases[i])):
        pattern = re.compile(rf"(?<!\w){re.escape(phrases[index])}(?!\w)")
        spans[index] = (-1, -1)
        for m in pattern.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e in taken):
                spans[index] = m.span()
                taken.append(m.span())
                break
    return [spans[i] for i in range(len(phrases))]


def _same(iso: str, precision: str, gold_iso, gold_precision: str, lenient: bool) -> bool:
    if not lenient:
        return iso == str(gold_iso) and precision == gold_precision
    # A finer date inside the gold period is accepted for a coarser gold.
    first, _ = period(iso)
    g_first, g_last = period(gold_iso)
    return PRECISION_RANK[precision] <= PRECISION_RANK[gold_precision] and g_first <= first <= g_last


def agrees(pred, item: dict, lenient: bool = False) -> bool:
    """Same date at the gold precision (and the same range end when the gold gives one)."""
    if not _same(pred.iso, pred.precision, item["iso"], item["precision"], lenient):
        return False
    if "end" not in item:
        return True
    return bool(pred.end_iso) and _same(pred.end_iso, pred.end_precision, item["end"],
                                        item.get("end_precision", item["precision"]), lenient)


@dataclass
class Score:
    predicted: Counter = field(default_factory=Counter)  # per class
    correct: Counter = field(default_factory=Counter)
    gold: Counter = field(default_factory=Counter)
    found: Counter = field(default_factory=Counter)
    nonevents: Counter = field(default_factory=Counter)  # labelled non-events per class
    nonevents_kept: Counter = field(default_factory=Counter)  # ... with no prediction on them
    details: list[str] = field(default_factory=list)

    def precision(self, cls: str | None = None) -> float:
        p, c = (sum(self.predicted.values()), sum(self.correct.values())) if cls is None else (
            self.predicted[cls], self.correct[cls])
        return c / p if p else 1.0

    def recall(self, cls: str | None = None) -> float:
        g, f = (sum(self.gold.values()), sum(self.found.values())) if cls is None else (self.gold[cls], self.found[cls])
        return f / g if g else 1.0

    def f1(self, cls: str | None = None) -> float:
        p, r = self.precision(cls), self.recall(cls)
        return 2 * p * r / (p + r) if p + r else 0.0


def score(cases, lenient: bool = False, extractor=None) -> Score:
    """Score ``extractor`` (default extract) on the cases. A prediction is right when its span overlaps a
    gold phrase that it agrees with; it is counted in the class of the gold item it overlaps (else the case's)."""
    extractor = extractor or extract
    result = Score()
    for n, case in enumerate(cases):
        name = case.get("name", str(n))
        published = case["published"]
        if isinstance(published, str):
            published = datetime.fromisoformat(published)
        text, default = case["text"], case.get("class", "other")
        gold = case.get("gold") or []
        nonevents = case.get("nonevents") or []
        spans = _place(text, [g["phrase"] for g in gold] + list(nonevents))
        golds = [(s, e, item) for (s, e), item in zip(spans, gold)]
        preds = extractor(text, case["lang"], published)
        for p in preds:
            over = [g for g in golds if p.start < g[1] and g[0] < p.end]
            cls = over[0][2].get("class", default) if over else default
            result.predicted[cls] += 1
            if any(agrees(p, g[2], lenient) for g in over):
                result.correct[cls] += 1
            else:
                end = f"/{p.end_iso}" if p.end_iso else ""
                result.details.append(f"{name}: false positive {p.phrase!r} -> {p.iso}{end} ({p.precision})")
        for s, e, item in golds:
            cls = item.get("class", default)
            result.gold[cls] += 1
            if any(p.start < e and s < p.end and agrees(p, item, lenient) for p in preds):
                result.found[cls] += 1
            else:
                got = [f"{p.phrase!r}->{p.iso}" + (f"/{p.end_iso}" if p.end_iso else "")
                       for p in preds if p.start < e and s < p.end]
                end = f"/{item['end']}" if "end" in item else ""
                result.details.append(f"{name}: missed {item['phrase']!r} -> {item['iso']}{end} ({item['precision']})"
                                      + (f", got {', '.join(got)}" if got else ""))
        for (s, e), phrase in zip(spans[len(gold):], nonevents):
            result.nonevents[default] += 1
            if s >= 0 and not any(p.start < e and s < p.end for p in preds):
                result.nonevents_kept[default] += 1
            elif s < 0:
                result.details.append(f"{name}: non-event {phrase!r} is not in the text")
    return result


def evaluate(cases, lenient: bool = False) -> tuple[float, float, list[str]]:
    """(precision, recall, details) of extract() on the cases; details name every false positive and miss."""
    result = score(cases, lenient)
    return result.precision(), result.recall(), result.details


def load(paths) -> list[dict]:
    import yaml

    cases = []
    for path in paths:
        path = Path(path)
        for file in sorted(path.glob("*.yml")) if path.is_dir() else [path]:
            cases += yaml.load(file.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or []
    return cases


def report(result: Score) -> str:
    rows = [f"{'class':<14} {'gold':>5} {'pred':>5} {'precision':>9} {'recall':>7} {'F1':>6}"]
    for cls in sorted(set(result.gold) | set(result.predicted)):
        rows.append(f"{cls:<14} {result.gold[cls]:>5} {result.predicted[cls]:>5} {result.precision(cls):>9.3f}"
                    f" {result.recall(cls):>7.3f} {result.f1(cls):>6.3f}")
    rows.append(f"{'all':<14} {sum(result.gold.values()):>5} {sum(result.predicted.values()):>5}"
                f" {result.precision():>9.3f} {result.recall():>7.3f} {result.f1():>6.3f}")
    total = sum(result.nonevents.values())
    if total:
        rows.append(f"non-events left alone: {sum(result.nonevents_kept.values())}/{total}")
    return "\n".join(rows)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="+", help="YAML files or folders of them")
    parser.add_argument("--lenient", action="store_true", help="accept a finer date inside a coarser gold")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every false positive and miss")
    args = parser.parse_args(argv)
    result = score(load(args.paths), args.lenient)
    print(report(result))
    if args.verbose:
        print("\n".join(result.details))
    return 0


if __name__ == "__main__":
    sys.exit(main())
