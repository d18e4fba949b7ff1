"""Characters XML 1.0 forbids or discourages: removed from everything an editor writes."""

from __future__ import annotations

import re

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean(text: str | None) -> str:
    """``text`` without C0/C1 controls (tab and newlines kept), surrogates and non-characters."""
    return _NOT_XML.sub("", text) if text else ""
