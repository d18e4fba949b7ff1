"""Precision and recall of warta.temporal on the labelled articles in tests/data/temporal/."""

from pathlib import Path

import pytest
import yaml
from warta.temporal import evaluate
from warta.temporal.evaluate import load, period, score

FOLDER = Path(__file__).parents[1] / "data" / "temporal"
DATA = FOLDER / "articles.yml"
CLASSES = ("range", "anchored", "tense", "timeofday", "weekdaydate", "period")


def cases():
    return yaml.load(DATA.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


def all_cases():
    return load([FOLDER])


def test_labelled_set_is_big_and_varied_enough():
    data = cases()
    langs = [c["lang"] for c in data if c["gold"]]
    assert langs.count("id") >= 7 and langs.count("en") >= 7
    assert sum(len(c["gold"]) for c in data) >= 50
    assert any(not c["gold"] for c in data if c["lang"] == "id")
    assert any(not c["gold"] for c in data if c["lang"] == "en")


def test_precision_and_recall_on_labelled_set():
    precision, recall, details = evaluate(cases())
    print(f"\ntemporal labelled set: precision {precision:.3f}, recall {recall:.3f}")
    for line in details:
        print("  " + line)
    assert precision >= 0.95
    assert recall >= 0.90


def test_seed_article_gold():
    seed = next(c for c in cases() if c["name"] == "seed-republika-kim-putin")
    assert seed["published"] == "2023-09-14T15:56:00+07:00"
    assert {(g["phrase"], g["iso"]) for g in seed["gold"]} == {
        ("Kamis (14/9/2023)", "2023-09-14"), ("Rabu (13/9/2023)", "2023-09-13"),
        ("Rabu", "2023-09-13"), ("4 September", "2023-09-04")}
    precision, recall, details = evaluate([seed])
    assert (precision, recall) == (1.0, 1.0), details


def test_evaluate_counts_false_positives_and_misses():
    case = {"name": "x", "lang": "id", "published": "2023-09-14T10:00:00+07:00",
            "text": "Rapat digelar kemarin dan pada 4 September.",
            "gold": [{"phrase": "kemarin", "iso": "2023-09-12", "precision": "day"}]}  # wrong on purpose
    precision, recall, details = evaluate([case])
    assert (precision, recall) == (0.0, 0.0)
    assert len(details) == 3  # two false positives and one miss


def test_class_sets_are_big_enough_in_both_languages():
    data = all_cases()
    result = score(data)
    assert sum(result.gold.values()) >= 400
    for cls in CLASSES:
        assert result.gold[cls] >= 40, cls
        langs = {c["lang"] for c in data for g in c.get("gold") or [] if g.get("class", c.get("class")) == cls}
        assert langs == {"id", "en"}, cls
    assert sum(result.nonevents.values()) >= 100


@pytest.mark.parametrize("lenient", [False, True], ids=["strict", "lenient"])
def test_precision_and_recall_on_all_classes(lenient):
    result = score(all_cases(), lenient=lenient)
    print(f"\ntemporal classes ({'lenient' if lenient else 'strict'}): precision {result.precision():.3f}, "
          f"recall {result.recall():.3f}")
    for line in result.details:
        print("  " + line)
    assert result.precision() >= 0.97 and result.recall() >= 0.97
    for cls in CLASSES:
        assert result.f1(cls) >= 0.95, cls
    assert result.nonevents_kept == result.nonevents  # no labelled non-event became a date


def test_lenient_accepts_a_finer_date_inside_a_coarser_gold_only():
    case = {"lang": "id", "published": "2024-03-14T10:00:00+07:00", "text": "Rapat digelar 4 Maret 2024.",
            "gold": [{"phrase": "4 Maret 2024", "iso": "2024-03", "precision": "month"}]}
    assert score([case]).recall() == 0.0
    assert score([case], lenient=True).recall() == 1.0
    case["gold"][0]["iso"] = "2024-04"
    assert score([case], lenient=True).recall() == 0.0


def test_a_range_gold_needs_the_end_when_it_gives_one():
    case = {"lang": "id", "published": "2024-03-14T10:00:00+07:00", "text": "Pameran digelar 10-12 Maret.",
            "gold": [{"phrase": "10-12 Maret", "iso": "2024-03-10", "precision": "day", "end": "2024-03-13"}]}
    assert score([case]).recall() == 0.0
    case["gold"][0]["end"] = "2024-03-12"
    assert score([case]).recall() == 1.0
    del case["gold"][0]["end"]  # a gold without an end accepts the range by its start
    assert score([case]).recall() == 1.0


@pytest.mark.parametrize("iso, first, last", [
    ("2023-09-13", "2023-09-13", "2023-09-13"), ("2023-W37", "2023-09-11", "2023-09-17"),
    ("2024-02", "2024-02-01", "2024-02-29"), ("2023", "2023-01-01", "2023-12-31")])
def test_period_of_an_iso_date(iso, first, last):
    assert tuple(d.isoformat() for d in period(iso)) == (first, last)
