"""Dated expressions in Indonesian and English news text: ``extract(text, lang, published)``."""

from .evaluate import evaluate
from .extract import TimeExpr, extract

__all__ = ["TimeExpr", "evaluate", "extract"]
