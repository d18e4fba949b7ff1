"""Dated expressions in Indonesian and English news text: ``extract(text, lang, published)``.

Choices worth knowing (HeidelTime's news mode, simplified):
- ``14/9/2023`` is day/month/year; English text falls back to month/day only when day-first is impossible.
- A day or month without a year takes the publication year. In a future sentence a date before publication
  moves to next year; otherwise one more than 90 days (3 months) after publication moves to last year.
- Tense is the nearest cue before the phrase in its sentence (``akan``/``will`` future; ``mengatakan``/
  ``said``/``lalu`` past), else the first cue after it in its own clause; no cue means past.
- A weekday alone is the latest one on or before publication, or the next one when future (English: the
  publication day itself may be that one).
  ``Minggu`` is Sunday only after ``hari``/``pada``, before a date, or as a trailing ``kata dia, Minggu.``;
  ``minggu lalu``/``Minggu ini`` are weeks.
- A bare year or month needs a word in front that makes it a time (``pada``, ``sejak``, ``in``, ``by``...);
  ``Nomor 7 Tahun 2017``-style law numbers and years inside names (``Pemilu 2024``) are not dates.
- A weekday written with a day (``Rabu (13/9)``) may move a no-year date to the neighbouring year where they
  agree; otherwise the numbers win and the TimeExpr keeps ``weekday_written`` (``invoke check`` warns).
- Ranges carry an end (``end_value``); anchored dates (``keesokan harinya``, ``two days later``) count from a
  date before them (``anchor``); the tense cue that decided is kept (``cue``). Quarters and halves are ranges
  of months. Every rule with its reasons: docs/timelines.md.
"""

from warta.temporal.evaluate import evaluate
from warta.temporal.extract import TimeExpr, extract

__all__ = ["TimeExpr", "evaluate", "extract"]
