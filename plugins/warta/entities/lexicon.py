"""Ordinary words of Indonesian and English: is a one-word name opening a sentence perhaps just a word?

A word is ordinary when wordfreq finds it frequent in the language (or in English, which Indonesian news quotes),
unless it is a country's name (Babel) or a word the labelled news text (idner-news-2k) writes often as a name and
never in lowercase (``models/name-words.txt``, made by `invoke train-names`: 'jakarta', 'golkar'). wordfreq
counts words, not names ('seoul' is frequent too), so being ordinary does not make a word no name: the linker
then reads what follows it ('Antara melaporkan' is the agency, 'Antara lain' is not; warta.entities.linking)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from warta.entities.name_features import country_words

NAME_WORDS = Path(__file__).parent / "models" / "name-words.txt"
ZIPF = 3.0  # once in a million words of running text, on wordfreq's Zipf scale
LANGS = ("id", "en")


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    return frozenset(NAME_WORDS.read_text(encoding="utf-8").split()) | country_words()


@lru_cache(maxsize=1 << 14)
def ordinary(word: str, lang: str) -> float:
    """How ordinary a word ``word`` (any case) is in ``lang``: its Zipf frequency, at least ``ZIPF``; 0.0 for one
    that is not."""
    from wordfreq import zipf_frequency  # imported only when a build meets the rule: 0.15 s of every build

    low = word.lower()
    if low in name_words():
        return 0.0
    # wordfreq's small lists hold the words above once per million (Zipf 3), all this asks: English's large
    # list, the default, would cost about 30 MB in every build that meets the rule, for words below it.
    zipf = max(zipf_frequency(low, lang if lang in LANGS else "id", wordlist="small"),
               zipf_frequency(low, "en", wordlist="small"))
    return zipf if zipf >= ZIPF else 0.0


def learn_name_words(sentences) -> list[str]:
    """Words that labelled text (``(tokens, IOB labels)`` pairs) writes inside names at least ten times and in
    lowercase outside names never: 'jakarta', not 'antara' (also 'between'), nor 'medan' (a city, and 'medan yang
    berat', rough ground): a word the text ever writes as a word is one, and what follows it decides."""
    inside, lower = Counter(), Counter()
    for tokens, labels in sentences:
        for token, label in zip(tokens, labels):
            if label != "O":
                inside[token.lower()] += 1
            elif token.islower():
                lower[token] += 1
    return sorted(w for w, n in inside.items() if w.isalpha() and n >= 10 and not lower[w])
