"""The model of names (a linear-chain CRF, python-crfsuite): proper-name spans of a text with a type and a
confidence. Loaded once, read-only; trained by `invoke train-names` (see name_training)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from warta.entities.name_features import features, tokens

MODEL = Path(__file__).parent / "models" / "names-v1.crfsuite"
BREAKS = frozenset(".,;:!?\"“”")  # no name runs over these marks (the model sometimes does)
KINDS = {"PER": "person", "ORG": "organization", "LOC": "place"}


@dataclass(frozen=True, order=True, slots=True)
class NameSpan:
    start: int
    end: int
    type: str  # person | organization | place
    confidence: float  # mean marginal probability of the span's labels, 0..1


@lru_cache(maxsize=4)
def tagger(path: Path = MODEL):
    import pycrfsuite

    loaded = pycrfsuite.Tagger()
    loaded.open(str(path))
    return loaded


def tag_spans(text: str, lang: str, stats=None, mentions=(), path: Path = MODEL, pieces=None) -> list[NameSpan]:
    """Every span the model labels as a name, in text order; paragraphs are tagged one by one.
    ``pieces``: the rules' names (discovery.rule_pieces), computed when not given."""
    from warta.entities.discovery import rule_pieces

    model = tagger(path)
    if pieces is None:
        pieces = rule_pieces(text, lang, mentions, stats)
    out: list[NameSpan] = []
    start = 0
    for paragraph in text.split("\n"):
        spans = [(s + start, e + start) for s, e in tokens(paragraph)]
        if spans:
            out += _decode(text, model, spans, model.tag(features(text, spans, stats, pieces)))
        start += len(paragraph) + 1
    return out


def _decode(text, model, spans, labels) -> list[NameSpan]:
    out = []
    i = 0
    labels = [label if label == "O" or text[s:e] not in BREAKS else "O" for label, (s, e) in zip(labels, spans)]
    while i < len(labels):
        if labels[i] == "O":
            i += 1
            continue
        kind = labels[i][2:]
        j = i + 1
        while j < len(labels) and labels[j] == "I-" + kind:
            j += 1
        probability = sum(model.marginal(labels[k], k) for k in range(i, j)) / (j - i)
        out.append(NameSpan(spans[i][0], spans[j - 1][1], KINDS[kind], round(probability, 3)))
        i = j
    return out
