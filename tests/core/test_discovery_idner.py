"""Discovery against idner-news-2k (PER/ORG/LOC, IOB), read from tests/data/idner-news-2k (MIT, with its LICENSE).

Each sentence is rebuilt by joining its tokens with spaces; gold spans are trimmed of edge
punctuation ('(Bawaslu)' -> 'Bawaslu'). Corpus statistics come from the test sentences themselves
(no labels); the registry is empty. Every occurrence of a candidate counts as one predicted span.
The model of names was trained on train+dev only (`invoke train-names`); the test split is only measured.
"""

from pathlib import Path

from warta.entities.discovery import CorpusStats, discover
from warta.settings import Entities

DATA = Path(__file__).resolve().parents[1] / "data" / "idner-news-2k" / "test.txt"
TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
# At the default threshold 0.7, measured 0.908 / 0.805 (span) and 0.893 / 0.791 (span + type); the
# issue's targets are 0.85 / 0.75 and typed precision 0.75. Fail on a real regression.
FLOOR = {"span_p": 0.88, "span_r": 0.78, "typed_p": 0.87, "typed_r": 0.77}
THRESHOLD = Entities().discovery_threshold


def sentences():
    tokens = []
    for line in DATA.read_bytes().decode("utf-8").split("\r\n"):
        if line.strip():
            token, _pos, label = line.rsplit(" ", 2)
            tokens.append((token, label))
        elif tokens:
            yield tokens
            tokens = []
    if tokens:
        yield tokens


def with_gold(tokens):
    text, spans = "", []
    for token, label in tokens:
        text += " " if text else ""
        start = len(text)
        text += token
        if label.startswith("B-") or (label.startswith("I-") and (not spans or spans[-1][3] or spans[-1][2] != label[2:])):
            spans.append([start, len(text), label[2:], False])
        elif label.startswith("I-"):
            spans[-1][1] = len(text)
        elif spans:
            spans[-1][3] = True  # closed
    gold = set()
    for start, end, kind, _ in spans:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        gold.add((start, end, TYPES[kind]))
    return text, gold


def test_the_evaluation_reads_the_labels_as_documented():
    docs = [with_gold(s) for s in sentences()]
    assert len(docs) == 509
    assert sum(len(g) for _, g in docs) == 1019  # README: 1,019 entities
    text, gold = docs[0]
    assert {text[s:e] for s, e, _ in gold} == {"Joko Widodo"}


def test_discovery_on_idner():
    docs = [with_gold(s) for s in sentences()]
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
