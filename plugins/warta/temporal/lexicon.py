"""Words the temporal rules look for, per language. Month and weekday names come from Babel."""

from __future__ import annotations

from dataclasses import dataclass

from babel.dates import get_day_names, get_month_names

# Babel locales read per language: en_GB supplies "Sept", which plain "en" abbreviates as "Sep".
_LOCALES = {"id": ("id",), "en": ("en", "en_GB")}
# Abbreviations Indonesian newsrooms write that Babel's "id" data lacks ("Agu" and "Sep" are there).
_EXTRA_MONTHS = {"id": {"Agt": 8, "Sept": 9}, "en": {}}


@dataclass(frozen=True)
class Lexicon:
    months_full: dict[str, int]  # "September" -> 9
    months_abbr: dict[str, int]  # "Sep", "Sept" -> 9
    weekdays_full: dict[str, int]  # "Rabu" -> 2 (Monday is 0, as date.weekday())
    weekdays_abbr: dict[str, int]  # "Rab" -> 2; only used before a full date
    ago: tuple[str, ...]  # words after "N <unit>" meaning "before now"
    past_rel: tuple[str, ...]  # "lalu", "last": relative words pointing back
    next_rel: tuple[str, ...]  # "depan", "next": pointing forward
    this_rel: tuple[str, ...]  # "ini", "this"
    units: dict[str, str]  # unit word -> precision
    numbers: dict[str, int]  # small number words
    month_preps: tuple[str, ...]  # words that let a bare month or year name a time
    year_preps: tuple[str, ...]
    future_cues: tuple[str, ...]  # tense cues, see resolve.tense
    past_cues: tuple[str, ...]
    clause_breaks: tuple[str, ...]  # a cue after the phrase counts only before one of these


def _names(getter, width: str, lang: str) -> dict[str, int]:
    out: dict[str, int] = {}
    for loc in _LOCALES[lang][:1] if width == "wide" else _LOCALES[lang]:
        for context in ("format", "stand-alone"):
            for key, name in getter(width, context, loc).items():
                out.setdefault(name, key)
    return out


def _build(lang: str) -> Lexicon:
    months_full = _names(get_month_names, "wide", lang)
    months_abbr = {n: k for n, k in _names(get_month_names, "abbreviated", lang).items() if n not in months_full}
    months_abbr.update(_EXTRA_MONTHS[lang])
    weekdays_full = _names(get_day_names, "wide", lang)
    weekdays_abbr = _names(get_day_names, "abbreviated", lang)
    if lang == "id":
        return Lexicon(
            months_full, months_abbr, weekdays_full, weekdays_abbr,
            ago=("lalu", "yang lalu", "silam", "yang silam"),
            past_rel=("lalu", "kemarin"),
            next_rel=("depan", "mendatang"),
            this_rel=("ini",),
            units={"hari": "day", "pekan": "week", "minggu": "week", "bulan": "month", "tahun": "year"},
            numbers=dict(zip(
                "satu dua tiga empat lima enam tujuh delapan sembilan sepuluh sebelas".split(), range(1, 12))),
            month_preps=("pada", "sejak", "hingga", "sampai", "bulan", "awal", "akhir", "pertengahan", "medio",
                         "selama", "jelang", "menjelang", "mulai", "per", "sebelum", "setelah", "sesudah", "dari"),
            year_preps=("periode", "kurun", "masa", "pada", "sejak", "hingga", "sampai", "awal", "akhir", "pertengahan", "medio", "selama",
                        "jelang", "menjelang", "mulai", "per", "sebelum", "setelah", "sesudah", "dari"),
            future_cues=("akan", "bakal", "mendatang", "depan", "nanti", "dijadwalkan", "berencana",
                         "rencananya", "direncanakan", "diagendakan", "terjadwal", "hendak", "ditargetkan",
                         "diperkirakan", "diharapkan", "dijadwalkan ulang", "berlangsung mulai", "memperkirakan",
                         "memprediksi", "memproyeksikan", "menargetkan"),
            past_cues=("mengatakan", "kata", "ujar", "ucap", "tutur", "ungkap", "menurut", "menyatakan",
                       "melaporkan", "mengumumkan", "menyebut", "menegaskan", "menjelaskan", "lalu", "silam",
                       "telah", "sudah", "pernah", "sebelumnya", "kemarin", "sempat", "tadi"),
            clause_breaks=("dan", "serta", "tetapi", "namun", "sedangkan", "sementara", "kemudian"),
        )
    return Lexicon(
        months_full, months_abbr, weekdays_full, weekdays_abbr,
        ago=("ago",),
        past_rel=("last",),
        next_rel=("next",),
        this_rel=("this",),
        units={"day": "day", "days": "day", "week": "week", "weeks": "week", "month": "month",
               "months": "month", "year": "year", "years": "year"},
        numbers={"a": 1, "an": 1, "one": 1, **dict(zip(
            "two three four five six seven eight nine ten eleven twelve".split(), range(2, 13)))},
        month_preps=("in", "since", "by", "until", "till", "during", "early", "late", "mid", "from", "through",
                     "before", "after", "of"),
        year_preps=("period", "in", "since", "by", "until", "till", "during", "early", "late", "mid", "from", "through",
                    "before", "after", "to"),
        future_cues=("will", "'ll", "shall", "next", "upcoming", "scheduled", "plans", "plan to", "expected",
                     "is set to", "are set to", "is due", "are due", "due to", "slated", "going to", "is to",
                     "are to", "planned", "coming", "hopes to", "aims to", "intends to", "opens", "open on",
                     "begins", "starts", "kicks off", "takes place", "is held", "are held", "is played",
                     "are played", "run through", "runs through", "takes effect", "take effect",
                     "comes into force", "come into force", "agreed to", "offered to", "promised to", "vowed to",
                     "pledged to", "threatened to", "as early as", "as soon as", "expects", "expect", "forecast",
                     "forecasts", "projects", "predicts"),
        past_cues=("said", "says", "told", "announced", "reported", "stated", "added", "was", "were", "had",
                   "did", "ago", "last", "earlier", "previously", "has", "have", "took", "came", "began",
                   "ended", "won", "lost", "met", "held", "killed", "died", "rose", "fell"),
        clause_breaks=("and", "but", "while", "whereas", "then"),
    )


LEXICONS = {lang: _build(lang) for lang in ("id", "en")}
