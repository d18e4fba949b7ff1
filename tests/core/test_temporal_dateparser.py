"""Warta against dateparser's search_dates on the labelled temporal set, class by class.

``python tests/core/test_temporal_dateparser.py`` prints the table in docs/timelines.md. dateparser has no
precision, so its finds are scored leniently (a date inside the gold period, at a range's start), and so
is Warta in the comparison column beside its strict score.
"""

from datetime import datetime
from pathlib import Path

from dateparser.search import search_dates
from warta.temporal.evaluate import load, score
from warta.temporal.extract import TimeExpr

FOLDER = Path(__file__).parents[1] / "data" / "temporal"
CLASSES = ("range", "anchored", "tense", "timeofday", "weekdaydate", "period", "plain", "other")


def dateparser_extract(text: str, lang: str, published: datetime) -> list[TimeExpr]:
    """search_dates' finds as day-precision expressions, placed on the first free occurrence of each."""
    base = published.replace(tzinfo=None)
    found = search_dates(text, languages=[lang], settings={"RELATIVE_BASE": base}) or []
    out, taken = [], 0
    for phrase, value in found:
        start = text.find(phrase, taken)
        if start < 0:
            continue
        taken = start + len(phrase)
        day = value.date()
        out.append(TimeExpr(phrase, start, taken, day, "day", day.isoformat()))
    return out


def starts_only(cases) -> list[dict]:
    """The cases with every gold range cut to its start (dateparser cannot give an end)."""
    return [{**c, "gold": [{k: v for k, v in g.items() if k not in ("end", "end_precision")}
                           for g in c.get("gold") or []]} for c in cases]


def table() -> str:
    cases = load([FOLDER])
    ours, ours_lenient = score(cases), score(cases, lenient=True)
    theirs = score(cases, lenient=True, extractor=dateparser_extract)
    starts = score(starts_only(cases), lenient=True, extractor=dateparser_extract)
    rows = ["| class | gold | Warta P / R (strict) | Warta P / R (lenient) | dateparser P / R (lenient) "
            "| dateparser, range starts only |", "|---|---:|---:|---:|---:|---:|"]
    classes = [c for c in CLASSES if ours.gold[c] or ours.predicted[c]] + [None]
    for cls in classes:
        def pr(result):
            return f"{result.precision(cls):.3f} / {result.recall(cls):.3f}"
        gold = sum(ours.gold.values()) if cls is None else ours.gold[cls]
        rows.append(f"| {cls or 'all'} | {gold} | {pr(ours)} | {pr(ours_lenient)} | {pr(theirs)} | {pr(starts)} |")
    kept = sum(theirs.nonevents_kept.values()), sum(theirs.nonevents.values())
    rows.append(f"\nNon-events left alone: Warta {sum(ours.nonevents_kept.values())}/{kept[1]}, "
                f"dateparser {kept[0]}/{kept[1]}.")
    return "\n".join(rows)


def test_warta_beats_dateparser_on_every_class():
    cases = load([FOLDER])
    ours = score(cases, lenient=True)
    theirs = score(starts_only(cases), lenient=True, extractor=dateparser_extract)
    for cls in ("range", "anchored", "tense", "timeofday", "weekdaydate", "period"):
        assert ours.f1(cls) > theirs.f1(cls), cls
    assert sum(ours.nonevents_kept.values()) > sum(theirs.nonevents_kept.values())


if __name__ == "__main__":
    print(table())
