"""How central an entity is to an article, from where and how often it is mentioned."""

from __future__ import annotations

from typing import Sequence

from warta.entities.text import ArticleText

# Weights sum to 1, so a score is in [0, 1] without rescaling.
TITLE, LEDE, FIRST_PARAGRAPH, COUNT, SPREAD = 0.35, 0.25, 0.15, 0.15, 0.10
COUNT_CAP = 5
ABOUT = 0.5
FLOOR = 0.05  # score of an entity added by hand and never mentioned


def _inside(offset: int, span: tuple[int, int]) -> bool:
    return span[0] <= offset < span[1]


def score(article: ArticleText, offsets: Sequence[int]) -> float:
    """Weighted sum of: in title, in lede, in first paragraph, mentions (capped at 5),
    and the share of paragraphs that mention it; rounded to 3 decimals."""
    paragraphs = article.paragraph_spans
    in_title = any(_inside(o, article.title_span) for o in offsets)
    in_lede = any(_inside(o, article.lede_span) for o in offsets)
    in_first = bool(paragraphs) and any(_inside(o, paragraphs[0]) for o in offsets)
    spread = sum(any(_inside(o, p) for o in offsets) for p in paragraphs) / len(paragraphs) if paragraphs else 0.0
    value = (TITLE * in_title + LEDE * in_lede + FIRST_PARAGRAPH * in_first
             + COUNT * min(len(offsets), COUNT_CAP) / COUNT_CAP + SPREAD * spread)
    return round(min(1.0, value), 3)


def role(article: ArticleText, offsets: Sequence[int], salience: float) -> str:
    """'about' when named in the title or scoring at least ABOUT, else 'mentions'."""
    in_title = any(_inside(o, article.title_span) for o in offsets)
    return "about" if in_title or salience >= ABOUT else "mentions"
