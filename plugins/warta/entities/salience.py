"""How central an entity is to an article, from where and how often it is mentioned."""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache
from typing import Sequence

from warta.entities.text import ArticleText

# Weights sum to 1, so a score is in [0, 1] without rescaling.
TITLE, LEDE, FIRST_PARAGRAPH, COUNT, SPREAD = 0.35, 0.25, 0.15, 0.15, 0.10
COUNT_CAP = 5
ABOUT = 0.5
LEAD_MENTIONS = 3
FLOOR = 0.05  # score of an entity added by hand and never mentioned


def assess(article: ArticleText, offsets: Sequence[int], floor: float = 0.0) -> tuple[float, str]:
    """Salience (at least ``floor``) and role: weighted sum of in title, in lede, in first
    paragraph, mentions (capped at 5) and the share of paragraphs naming it, rounded to 3
    decimals; 'about' when named in the title or the lede, scoring at least ABOUT, or named in the
    first paragraph and at least LEAD_MENTIONS times in all (the news lede paragraph), else 'mentions'."""
    (t0, t1), (l0, l1) = article.title_span, article.lede_span
    starts, spans = article.paragraph_starts, article.paragraph_spans
    in_title = in_lede = False
    paragraphs = set()
    for offset in offsets:
        if t0 <= offset < t1:
            in_title = True
        if l0 <= offset < l1:
            in_lede = True
        i = bisect_right(starts, offset) - 1
        if i >= 0 and offset < spans[i][1]:
            paragraphs.add(i)
    return _judge(in_title, in_lede, 0 in paragraphs, len(offsets), len(paragraphs), len(spans), floor)


@lru_cache(maxsize=1 << 14)
def _judge(in_title: bool, in_lede: bool, first: bool, count: int, spread: int, total: int,
           floor: float) -> tuple[float, str]:
    """assess() from where the offsets fall: a few distinct cases, so cached."""
    value = (TITLE * in_title + LEDE * in_lede + FIRST_PARAGRAPH * first
             + COUNT * min(count, COUNT_CAP) / COUNT_CAP + SPREAD * (spread / total if total else 0.0))
    value = max(round(min(1.0, value), 3), floor)
    leading = first and count >= LEAD_MENTIONS
    return value, "about" if in_title or in_lede or value >= ABOUT or leading else "mentions"


def score(article: ArticleText, offsets: Sequence[int]) -> float:
    return assess(article, offsets)[0]
