"""Text as editors save it: UTF-8 (a BOM allowed), without the characters XML 1.0 forbids or discourages."""

from __future__ import annotations

import re

from warta.problems import Problem

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")


def clean(text: str | None) -> str:
    """``text`` without C0/C1 controls (tab and newlines kept), surrogates and non-characters."""
    return _NOT_XML.sub("", text) if text else ""


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Decode UTF-8 (a BOM is allowed) and drop control characters; a bad byte is reported with its line."""
    try:
        return clean(data.decode("utf-8-sig")), []
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        return None, [Problem(path, line, f"not UTF-8 text (byte 0x{data[error.start]:02x})",
                              "save the file as UTF-8")]


def read_text(path, shown_as: str) -> tuple[str | None, list[Problem]]:
    """The decoded text of a file, or the problem that stopped reading it."""
    try:
        with open(path, "rb") as handle:
            data = handle.read()
    except OSError as error:
        reason = (error.strerror or type(error).__name__).lower()
        return None, [Problem(shown_as, None, f"cannot read the file: {reason}")]
    return decode(data, shown_as)
