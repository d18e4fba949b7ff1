"""Known news outlets and agencies, and the dateline that opens an article's body.

``OUTLETS`` maps a lower-cased token as it appears in datelines, agency lines or host names to the
outlet's display name. ANTARA is both an outlet (antaranews.com) and a news agency: the same name
serves for both, and an agency equal to the source is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

OUTLETS = {
    "republika.co.id": "Republika",
    "antaranews.com": "Antara",
    "antara": "Antara",
    "kompas.com": "Kompas",
    "tempo.co": "Tempo",
    "detik.com": "detikcom",
    "cnnindonesia.com": "CNN Indonesia",
    "thejakartapost.com": "The Jakarta Post",
    "reuters": "Reuters",
    "reuters.com": "Reuters",
    "ap": "Associated Press",
    "apnews.com": "Associated Press",
    "afp": "AFP",
}

_CITY = r"(?P<city>[A-Z][\w'.]*(?:[ -][A-Z][\w'.]*){0,3})"
_DOMAIN = r"(?P<outlet>[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z]{2,3}){1,2})"
_DASH = r"\s*(?:--?|[–—])\s*"
_DATELINES = [
    re.compile(rf"{_DOMAIN},\s*{_CITY}{_DASH}"),                      # REPUBLIKA.CO.ID, BEIJING --
    re.compile(rf"{_CITY},\s*{_DOMAIN}{_DASH}"),                      # JAKARTA, KOMPAS.com –
    re.compile(rf"{_DOMAIN}{_DASH}"),                                 # KOMPAS.com -
    # Jakarta (ANTARA) -   BEIJING (AP) —   SEOUL, Sept 13 (Reuters) -
    re.compile(rf"{_CITY}(?:,\s*[A-Z][a-z]{{2,4}}\.?\s+\d{{1,2}})?\s*\((?P<agency>[A-Za-z]+)\){_DASH}"),
]


@dataclass(frozen=True)
class Dateline:
    text: str       # the matched prefix, e.g. "REPUBLIKA.CO.ID, BEIJING -- "
    city: str       # "Beijing" (title-cased when written in capitals), or ""
    outlet: str     # display name, e.g. "Republika"
    token: str      # as written, e.g. "REPUBLIKA.CO.ID"
    known: bool


def outlet_name(token: str) -> str | None:
    return OUTLETS.get(token.strip().lower())


def outlet_for_host(host: str) -> str | None:
    """Outlet name for a host such as www.republika.co.id."""
    host = host.lower().removeprefix("www.")
    for token, name in OUTLETS.items():
        if "." in token and (host == token or host.endswith("." + token)):
            return name
    return None


def match_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening ``paragraph``, if any; a parenthesised agency must be a known one."""
    for pattern in _DATELINES:
        found = pattern.match(paragraph)
        if not found:
            continue
        groups = found.groupdict()
        token = groups.get("outlet") or groups.get("agency")
        name = outlet_name(token)
        if groups.get("agency") and name is None:
            continue
        city = groups.get("city") or ""
        if city.isupper():
            city = city.title()
        return Dateline(found.group(0), city, name or token, token, name is not None)
    return None
