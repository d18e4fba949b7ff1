"""Ordinary words of Indonesian and English: is a one-word name opening a sentence perhaps just a word?

A word is ordinary when wordfreq finds it frequent in the language (or in English, which Indonesian news quotes),
unless it is a country's name (Babel) or a word the labelled news text (idner-news-2k) writes often as a name and
never in lowercase (``models/name-words.txt``, made by `invoke train-names`: 'jakarta', 'golkar'). wordfreq
counts words, not names ('seoul' is frequent too), so being ordinary does not make a word no name: the linker
then reads what follows it ('Antara melaporkan' is the agency, 'Antara lain' is not; warta.entities.linking).
English frequencies count only for words an English dictionary writes in lowercase (``models/name-words-en.txt``
lists the frequent ones it does not: 'denver', 'napoli', 'darwin'; not 'reading', nor 'ethiopian')."""

from __future__ import annotations

from collections import Counter
from functools import lru_cache
from pathlib import Path

from warta.entities.name_features import country_words

NAME_WORDS = Path(__file__).parent / "models" / "name-words.txt"
ENGLISH_NAMES = Path(__file__).parent / "models" / "name-words-en.txt"
ZIPF = 3.0  # once in a million words of running text, on wordfreq's Zipf scale


@lru_cache(maxsize=1)
def name_words() -> frozenset[str]:
    return frozenset(NAME_WORDS.read_text(encoding="utf-8").split()) | country_words()


@lru_cache(maxsize=1)
def english_names() -> frozenset[str]:
    return frozenset(ENGLISH_NAMES.read_text(encoding="utf-8").split())


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
    english = 0.0 if low in english_names() else zipf_frequency(low, "en", wordlist="small")
    zipf = max(zipf_frequency(low, "id", wordlist="small") if lang != "en" else 0.0, english)
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


# Endings an inflected English word may have, and what its dictionary form ends with instead: 'labels', 'denied'.
ENDINGS = (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ied", "y"), ("d", ""), ("ing", ""),
           ("ing", "e"), ("er", ""), ("ier", "y"), ("est", ""), ("est", "e"), ("iest", "y"), ("ly", ""))


def learn_english_names(frequent, dictionary) -> list[str]:
    """The ``frequent`` words (folded) that ``dictionary`` (an English word list that writes names capitalised)
    has in lowercase neither as they are nor in their dictionary form: names ('denver', 'napoli') and the odd new
    word ('online'), not 'reading' or 'labels'; nor a people's name, which the linker reads as a word
    ('Ethiopian investigators')."""
    from warta.entities.discovery import DEMONYM

    lower = {word for word in dictionary if word.islower()}
    return sorted(word for word in set(frequent) if word.isalpha() and word.islower() and lower.isdisjoint(
        _dictionary_forms(word)) and not DEMONYM.match(word.capitalize()))


def _dictionary_forms(word: str) -> set[str]:
    forms = {word}
    for ending, instead in ENDINGS:
        stem = word[:-len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            forms.add(stem + instead)
            if instead == "" and ending[0] in "ei" and stem[-1] == stem[-2]:
                forms.add(stem[:-1])  # 'stopped', 'running'
    return forms


def write_english_names(path: Path = ENGLISH_NAMES) -> int:
    """Write :func:`learn_english_names` of wordfreq's ordinary English words (Zipf >= ``ZIPF``) against Webster's
    Second International (web2, public domain, from the english-words package); the number of words written."""
    from english_words import get_english_words_set
    from wordfreq import top_n_list, zipf_frequency

    frequent = [w for w in top_n_list("en", 100_000, wordlist="small") if zipf_frequency(w, "en", wordlist="small")
                >= ZIPF]
    words = learn_english_names(frequent, get_english_words_set(["web2"], lower=False))
    path.write_text("\n".join(words) + "\n", encoding="utf-8")
    return len(words)
