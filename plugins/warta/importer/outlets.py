"""Known news outlets and agencies, and the dateline that opens an article's body.

``OUTLETS`` maps a lower-cased token as it appears in datelines, agency lines or host names to the
outlet's display name. ANTARA is both an outlet (antaranews.com) and a news agency: the same name
serves for both, and an agency equal to the source is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from warta.importer.timestamps import MONTH_NAME

OUTLETS = {
    "republika.co.id": "Republika",
    "republika": "Republika",
    "antaranews.com": "Antara",
    "antara": "Antara",
    "kompas.com": "Kompas",
    "kompas.id": "Kompas",
    "tempo.co": "Tempo",
    "tempo": "Tempo",
    "detik.com": "detikcom",
    "detikcom": "detikcom",
    "detiknews": "detikcom",
    "cnnindonesia.com": "CNN Indonesia",
    "cnn indonesia": "CNN Indonesia",
    "liputan6.com": "Liputan6",
    "tribunnews.com": "Tribunnews",
    "kumparan.com": "kumparan",
    "idntimes.com": "IDN Times",
    "idn times": "IDN Times",
    "cnbcindonesia.com": "CNBC Indonesia",
    "cnbc indonesia": "CNBC Indonesia",
    "bisnis.com": "Bisnis.com",
    "suara.com": "Suara.com",
    "okezone.com": "Okezone",
    "sindonews.com": "SINDOnews",
    "merdeka.com": "Merdeka.com",
    "beritasatu.com": "Beritasatu",
    "mediaindonesia.com": "Media Indonesia",
    "bbc.com": "BBC",
    "bbc news indonesia": "BBC News Indonesia",
    "thejakartapost.com": "The Jakarta Post",
    "the jakarta post": "The Jakarta Post",
    "jakartaglobe.id": "Jakarta Globe",
    "reuters": "Reuters",
    "reuters.com": "Reuters",
    "ap": "Associated Press",
    "apnews.com": "Associated Press",
    "afp": "AFP",
    "bernama": "Bernama",
    "xinhua": "Xinhua",
    "yonhap": "Yonhap",
    "kyodo": "Kyodo",
    "tass": "TASS",
}

_DOMAIN = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]{2,3}){1,2}")
# A place: ALL-CAPS or Title-case words ("VOSTOCHNY COSMODROME", "Nusa Dua", "Rio de Janeiro").
_PLACE = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:(?:de|da|di|del|la|am|of|upon)\s+)?[A-Z][\w'’.-]*){0,3}")
_HEAD = re.compile(r"(?P<head>[^\n]{2,100}?)(?:\s+(?:--?|[–—])|\s*[–—]|(?<=\))\s*--?)\s*")
_AGENCY = re.compile(r"(?P<head>.*?)\s*\((?P<agency>[^()]{2,30})\)")
_YEAR = re.compile(r"\d{4}")
_DATE = re.compile(rf"(?:{MONTH_NAME})\.?\s+\d{{1,2}}|\d{{1,2}}\s+(?:{MONTH_NAME})\.?", re.IGNORECASE)


@dataclass(frozen=True)
class Dateline:
    text: str       # the matched prefix, e.g. "REPUBLIKA.CO.ID, BEIJING -- "
    city: str       # "Beijing" (title-cased when written in capitals), or ""
    outlet: str     # display name, e.g. "Republika"; "" for a bare place ("Jakarta - ")
    token: str      # as written, e.g. "REPUBLIKA.CO.ID"
    known: bool


def outlet_name(token: str) -> str | None:
    return OUTLETS.get(" ".join(token.split()).lower())


def outlet_for_host(host: str) -> str | None:
    """Outlet name for a host such as www.republika.co.id."""
    host = host.lower().removeprefix("www.")
    for token, name in OUTLETS.items():
        if "." in token and (host == token or host.endswith("." + token)):
            return name
    return None


def match_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, if any.

    Comma-separated parts before a dash: an outlet (a domain or a name in ``OUTLETS``), places (city first,
    then country or region), a date, and a closing ``(Agency)``: ``REPUBLIKA.CO.ID, BEIJING -- ``,
    ``Jakarta, CNN Indonesia -- ``, ``VOSTOCHNY COSMODROME, Russia, Sept 13 (Reuters) - ``, ``Jakarta - ``.
    A parenthesised agency must be known or in capitals; a bare place must be followed by a capital.
    """
    found = _HEAD.match(paragraph)
    if not found:
        return None
    head, agency = found.group("head"), ""
    with_agency = _AGENCY.fullmatch(head)
    if with_agency:
        head, agency = with_agency.group("head"), with_agency.group("agency").strip()
        if not (outlet_name(agency) or re.fullmatch(r"[A-Z]{2,10}", agency)):
            return None
    token, places, dated = "", [], False
    for part in (p.strip() for p in head.split(",")) if head.strip() else ():
        if not token and not dated and (_DOMAIN.fullmatch(part) or outlet_name(part)):
            token = part
        elif not dated and _PLACE.fullmatch(part) and not _DATE.fullmatch(part):
            places.append(part)
        elif (places or token) and (_DATE.fullmatch(part) or dated and _YEAR.fullmatch(part)):
            dated = True
        else:
            return None
    token = token or agency
    rest = paragraph[found.end():]
    bare_ok = bool(rest) and (rest[0].isupper() or rest[0].isdigit() or rest[0] in "\"“‘'")
    if len(places) > 3 or not (token or places and bare_ok):
        return None
    city = places[0] if places else ""
    if city.isupper():
        city = city.title()
    name = outlet_name(token) if token else ""
    return Dateline(found.group(0), city, name or token, token, name is not None)
