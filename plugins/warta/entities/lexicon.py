"""Ordinary words of Indonesian and English: is a one-word name opening a sentence perhaps just a word?

The words are wordfreq's (frequent enough in the language), less the words the labelled news text writes
mostly as names (``models/name-words.txt``, made by `invoke train-names` from idner-news-2k) and Babel's
country-name words. A word in the lexicon is not thereby no name: the linker then asks the model of names
about that occurrence ('Antara melaporkan' is the agency, 'Antara lain' is not)."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from wordfreq import zipf_frequency

from warta.entities.name_features import country_words

NAME_WORDS = Path(__file__).parent / "models" / "name-words.txt"
ZIPF = 3.0  # about once in 10,000 words of running text (wordfreq's Zipf scale)
LANGS = ("id", "en")


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    return frozenset(NAME_WORDS.read_text(encoding="utf-8").split()) | country_words()


@lru_cache(maxsize=1 << 14)
def ordinary(word: str, lang: str) -> bool:
    """A frequent word of ``lang`` (or of the other language: news quotes both) that is not mostly a name."""
    low = word.lower()
    if low in name_words():
        return False
    return max(zipf_frequency(low, lang if lang in LANGS else "id"), zipf_frequency(low, "en")) >= ZIPF


def learn_name_words(sentences) -> list[str]:
    """Words that labelled text (``(tokens, labels)`` pairs, IOB) writes inside names at least three times, and
    in lowercase outside names less than a third as often: 'jakarta', not 'antara' (also 'between')."""
    inside, lower = Counter(), Counter()
    for tokens, labels in sentences:
        for token, label in zip(tokens, labels):
            if label != "O":
                inside[token.lower()] += 1
            elif token.islower():
                lower[token] += 1
    return sorted(w for w, n in inside.items() if w.isalpha() and n >= 3 and 3 * lower[w] < n)
