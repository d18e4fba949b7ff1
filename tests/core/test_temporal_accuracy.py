"""Precision and recall of warta.temporal on the labelled articles in tests/data/temporal/."""

from pathlib import Path

import yaml
from warta.temporal import evaluate

DATA = Path(__file__).parents[1] / "data" / "temporal" / "articles.yml"


def cases():
    return yaml.load(DATA.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)


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
