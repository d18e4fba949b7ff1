"""Discovery against idner-news-2k (PER/ORG/LOC, IOB), read from tests/data/idner-news-2k (MIT, with its LICENSE).

Each sentence is rebuilt by joining its tokens with spaces; gold spans are trimmed of edge
punctuation ('(Bawaslu)' -> 'Bawaslu'). Corpus statistics come from the test sentences themselves
(no labels); the registry is empty. Every occurrence of a candidate counts as one predicted span.
The model of names was trained on train+dev only (`invoke train-names`); the test split is only measured.
"""

from pathlib import Path

from warta.entities.discovery import CorpusStats, discover
from warta.entities.name_training import read_conll
from warta.settings import Entities

DATA = Path(__file__).resolve().parents[1] / "data" / "idner-news-2k" / "test.txt"
# At the default threshold 0.7, measured 0.908 / 0.805 (span) and 0.893 / 0.791 (span + type); the
# issue's targets are 0.85 / 0.75 and typed precision 0.75. Fail on a real regression.
FLOOR = {"span_p": 0.88, "span_r": 0.78, "typed_p": 0.87, "typed_r": 0.77}
THRESHOLD = Entities().discovery_threshold


def test_the_evaluation_reads_the_labels_as_documented():
    docs = read_conll(DATA)
    assert len(docs) == 509
    assert sum(len(g) for _, g in docs) == 1019  # README: 1,019 entities
    text, gold = docs[0]
    assert {text[s:e] for s, e, _ in gold} == {"Joko Widodo"}


def test_discovery_on_idner():
    docs = read_conll(DATA)
    stats = CorpusStats.from_texts((text, "id") for text, _ in docs)
    span_hits = typed_hits = predicted = gold_total = 0
    for text, gold in docs:
        found = {(o, o + len(c.name), c.type_guess) for c in discover(text, "id", [], stats, THRESHOLD) for o in c.offsets}
        predicted += len(found)
        gold_total += len(gold)
        span_hits += len({(s, e) for s, e, _ in found} & {(s, e) for s, e, _ in gold})
        typed_hits += len(found & gold)
    figures = {"span_p": span_hits / predicted, "span_r": span_hits / gold_total,
               "typed_p": typed_hits / predicted, "typed_r": typed_hits / gold_total}
    print("idner discovery:", {k: round(v, 3) for k, v in figures.items()}, predicted, gold_total)
    assert all(figures[k] >= FLOOR[k] for k in FLOOR), figures
