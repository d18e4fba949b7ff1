"""Precision and recall of extract() against labelled articles (the labelled set and held-out runs)."""

from __future__ import annotations

import re
from datetime import datetime

from warta.temporal.extract import extract


def _gold_spans(text: str, gold: list[dict]) -> list[tuple[int, int, dict]]:
    """Place each gold phrase on the first free occurrence of it (longer phrases are placed first)."""
    placed: list[tuple[int, int, dict]] = []
    for item in sorted(gold, key=lambda g: -len(g["phrase"])):
        pattern = re.compile(rf"(?<!\w){re.escape(item['phrase'])}(?!\w)")
        for m in pattern.finditer(text):
            if all(m.end() <= s or m.start() >= e for s, e, _ in placed):
                placed.append((m.start(), m.end(), item))
                break
        else:
            placed.append((-1, -1, item))  # not in the text: always a miss
    return sorted(placed, key=lambda p: p[0])


def evaluate(cases) -> tuple[float, float, list[str]]:
    """Score extract() on cases ({name?, lang, published, text, gold: [{phrase, iso, precision}]}).

    A prediction is right when its span overlaps a gold phrase with the same iso and precision.
    Returns (precision, recall, details) where details name every false positive and miss.
    """
    predicted = correct_pred = gold_total = found = 0
    details: list[str] = []
    for n, case in enumerate(cases):
        name = case.get("name", str(n))
        published = case["published"]
        if isinstance(published, str):
            published = datetime.fromisoformat(published)
        text = case["text"]
        preds = extract(text, case["lang"], published)
        golds = _gold_spans(text, case.get("gold") or [])

        def agrees(p, g) -> bool:
            s, e, item = g
            return p.start < e and s < p.end and p.iso == str(item["iso"]) and p.precision == item["precision"]

        predicted += len(preds)
        gold_total += len(golds)
        for p in preds:
            if any(agrees(p, g) for g in golds):
                correct_pred += 1
            else:
                details.append(f"{name}: false positive {p.phrase!r} -> {p.iso} ({p.precision})")
        for g in golds:
            if any(agrees(p, g) for p in preds):
                found += 1
            else:
                item = g[2]
                got = [f"{p.phrase!r}->{p.iso}" for p in preds if p.start < g[1] and g[0] < p.end]
                details.append(f"{name}: missed {item['phrase']!r} -> {item['iso']} ({item['precision']})"
                               + (f", got {', '.join(got)}" if got else ""))
    precision = correct_pred / predicted if predicted else 1.0
    recall = found / gold_total if gold_total else 1.0
    return precision, recall, details
