"""Train the model of names from IOB-labelled sentences (`invoke train-names`; never run by a build).

Each sentence is rebuilt by joining its tokens with spaces, as the evaluation does; gold spans are trimmed
of edge punctuation and projected onto our own tokens, so training and tagging see the same tokens.
Training is deterministic: fixed order, fixed parameters, L-BFGS (no random start).
"""

from __future__ import annotations

from pathlib import Path

from warta.entities.name_features import features, tokens

TYPES = {"PER": "person", "ORG": "organization", "LOC": "place"}
CODES = {v: k for k, v in TYPES.items()}
PARAMS = {"c1": 0.05, "c2": 0.05, "max_iterations": 200, "feature.possible_transitions": True}


def read_conll(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """(text, gold spans (start, end, type)) per sentence of a `token POS IOB` file."""
    return [_sentence(rows) for rows in read_rows(path)]


def read_rows(path: Path) -> list[list[tuple[str, str]]]:
    """(token, IOB label) rows per sentence of a `token POS IOB` file."""
    out, rows = [], []
    for line in Path(path).read_bytes().decode("utf-8").splitlines():
        if line.strip():
            token, _pos, label = line.rsplit(" ", 2)
            rows.append((token, label))
        elif rows:
            out.append(rows)
            rows = []
    if rows:
        out.append(rows)
    return out


def _sentence(rows):
    text, spans = "", []
    for token, label in rows:
        text += " " if text else ""
        start = len(text)
        text += token
        if label.startswith("B-") or (label.startswith("I-") and (not spans or spans[-1][3] or spans[-1][2] != label[2:])):
            spans.append([start, len(text), label[2:], False])
        elif label.startswith("I-"):
            spans[-1][1] = len(text)
        elif spans:
            spans[-1][3] = True
    gold = set()
    for start, end, kind, _ in spans:
        while start < end and not text[start].isalnum():
            start += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if start < end:
            gold.add((start, end, TYPES[kind]))
    return text, gold


def labels(spans: list[tuple[int, int]], gold) -> list[str]:
    """IOB labels of our tokens from gold character spans (a token inside a span takes its type)."""
    out = ["O"] * len(spans)
    for start, end, kind in sorted(gold):
        inside = [i for i, (s, e) in enumerate(spans) if s >= start and e <= end]
        for n, i in enumerate(inside):
            out[i] = ("B-" if n == 0 else "I-") + CODES[kind]
    return out


def train(sentences, model_path: Path, stats=None, params=None, lang: str = "id") -> None:
    """Each sentence is seen twice: with its words, and without them (so that the model also learns
    to read names from shape, cue words and the rules alone, as it must in English)."""
    import pycrfsuite

    from warta.entities.discovery import rule_pieces

    trainer = pycrfsuite.Trainer(verbose=False)
    for text, gold in sentences:
        spans = tokens(text)
        pieces = rule_pieces(text, lang, [], stats)
        for lexical in (True, False):
            trainer.append(features(text, spans, stats, pieces, lexical), labels(spans, gold))
    trainer.set_params({**PARAMS, **(params or {})})
    trainer.train(str(model_path))


def train_names(data: Path, model_path: Path, splits=("train", "dev"), words_path: Path | None = None) -> int:
    """Train on idner-news-2k's ``splits`` (never its test split) into ``model_path``, and write the words they
    write mostly as names into ``words_path`` (see warta.entities.lexicon); returns sentences."""
    from warta.entities.discovery import CorpusStats
    from warta.entities.lexicon import learn_name_words

    rows = [r for split in splits for r in read_rows(Path(data) / f"{split}.txt")]
    if words_path is not None:
        words = learn_name_words(([t for t, _ in r], [label for _, label in r]) for r in rows)
        Path(words_path).write_text("\n".join(words) + "\n", encoding="utf-8")
    sentences = [_sentence(r) for r in rows]
    stats = CorpusStats.from_texts((text, "id") for text, _ in sentences)
    train(sentences, model_path, stats)
    return len(sentences)
