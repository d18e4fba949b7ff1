"""The language of an imported text (py3langid, a well-kept port of langid.py), and whether the site
publishes it."""

from __future__ import annotations

import re

from babel import Locale

SITE_LANGS = ("id", "en")
_LETTERS = re.compile(r"[^\W\d_]{2,}")
# A text is in another language when that language's score beats the best site language by more than this
# per character (log-probability). Measured: German, French, Spanish and Dutch news sentences 0.87–1.71,
# Indonesian and English ones 0.00–0.004 (short Indonesian ties with Javanese and Malay).
FOREIGN_MARGIN = 0.25


def _scores(text: str) -> dict[str, float]:
    import py3langid  # loads its model on first use

    return dict(py3langid.rank(text))


def _judge(text: str) -> tuple[str | None, str]:
    if len(_LETTERS.findall(text)) < 3:
        return None, ""
    scores = _scores(text)
    site = {"id": max(scores["id"], scores["ms"]), "en": scores["en"]}  # Malay counts as Indonesian
    best = max(sorted(site), key=site.__getitem__)
    top = max(sorted(scores), key=scores.__getitem__)
    foreign = top if (scores[top] - site[best]) / max(len(text), 1) > FOREIGN_MARGIN else ""
    return best, foreign


def detect_lang(text: str) -> str | None:
    """The site language of ``text`` ('id' or 'en'), None for a text with fewer than three words."""
    return _judge(text)[0]


def foreign_lang(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is in when the site does not publish it, else ''."""
    return _judge(text)[1]


def language_name(code: str) -> str:
    return Locale("en").languages.get(code, code)


def unpublished(code: str) -> str | None:
    """A message when ``code`` is a language the site does not publish, else None."""
    if not code or code in SITE_LANGS:
        return None
    return (f"the text is in {language_name(code)} ({code}); the site publishes "
            f"{' and '.join(SITE_LANGS)} (import with --lang {'|'.join(SITE_LANGS)} to override)")
