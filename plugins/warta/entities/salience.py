"""How central an entity is to an article, from where and how often it is mentioned."""

from __future__ import annotations

from bisect import bisect_right
from typing import Sequence

from warta.entities.text import ArticleText

# Weights sum to 1, so a score is in [0, 1] without rescaling.
TITLE, LEDE, FIRST_PARAGRAPH, COUNT, SPREAD = 0.35, 0.25, 0.15, 0.15, 0.10
COUNT_CAP = 5
ABOUT = 0.5
LEAD_MENTIONS = 3
FLOOR = 0.05  # score of an entity added by hand and never mentioned


def _places(article: ArticleText, offsets: Sequence[int]) -> tuple[bool, bool, set[int]]:
    """In title, in lede, and the indexes of the paragraphs holding ``offsets``."""
    (t0, t1), (l0, l1) = article.title_span, article.lede_span
    starts = article.paragraph_starts
    paragraphs = set()
    for offset in offsets:
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < article.paragraph_spans[i][1]:
            paragraphs.add(i)
    return (any(t0 <= o < t1 for o in offsets), any(l0 <= o < l1 for o in offsets), paragraphs)


def assess(article: ArticleText, offsets: Sequence[int], floor: float = 0.0) -> tuple[float, str]:
    """Salience (at least ``floor``) and role: weighted sum of in title, in lede, in first
    paragraph, mentions (capped at 5) and the share of paragraphs naming it, rounded to 3
    decimals; 'about' when named in the title or the lede, scoring at least ABOUT, or named in the
    first paragraph and at least LEAD_MENTIONS times in all (the news lede paragraph), else 'mentions'."""
    in_title, in_lede, paragraphs = _places(article, offsets)
    total = len(article.paragraph_spans)
    value = (TITLE * in_title + LEDE * in_lede + FIRST_PARAGRAPH * (0 in paragraphs)
             + COUNT * min(len(offsets), COUNT_CAP) / COUNT_CAP + SPREAD * (len(paragraphs) / total if total else 0.0))
    value = max(round(min(1.0, value), 3), floor)
    leading = 0 in paragraphs and len(offsets) >= LEAD_MENTIONS
    return value, "about" if in_title or in_lede or value >= ABOUT or leading else "mentions"


def score(article: ArticleText, offsets: Sequence[int]) -> float:
    return assess(article, offsets)[0]
