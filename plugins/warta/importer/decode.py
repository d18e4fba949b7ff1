"""Bytes to text only when the encoding is certain; which kind of input the text is."""

from __future__ import annotations

import codecs
import re

from warta.problems import Problem

# A declared single-byte charset is trusted only when the bytes are not valid UTF-8.
_DECLARED = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w-]+)""",
                       re.IGNORECASE)
_SINGLE_BYTE = {b"windows-1252", b"cp1252", b"iso-8859-1", b"latin-1", b"latin1"}
_PREAMBLE = re.compile(r"(?:\s+|<\?xml.*?\?>|<!--.*?-->)*", re.DOTALL)
_FEED = re.compile(r"<(?:rss|feed|rdf:RDF)\b", re.IGNORECASE)
_HTML = re.compile(r"<(?:!doctype\s+html|html)\b", re.IGNORECASE)


def decode(data: bytes, path: str) -> str | Problem:
    """UTF-8 (BOM allowed), UTF-16 with a BOM, or a declared cp1252/latin-1 page; anything else is refused."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return Problem(path, None, "starts with a UTF-16 byte-order mark but is not valid UTF-16",
                           "save the file as UTF-8")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        declared = _DECLARED.search(data[:4096])
        charset = declared and (declared.group(1) or declared.group(2)).lower()
        if charset in _SINGLE_BYTE:
            try:
                return data.decode("cp1252")
            except UnicodeDecodeError:   # the five bytes cp1252 leaves undefined
                return data.decode("latin-1")
        line = data.count(b"\n", 0, error.start) + 1
        return Problem(path, line, f"not UTF-8 text (byte 0x{data[error.start]:02x}) and no charset declared",
                       "save the file as UTF-8")
    if "\x00" in text:
        return Problem(path, text.count("\n", 0, text.index("\x00")) + 1,
                       "contains NUL bytes: a binary file, or UTF-16 without a byte-order mark",
                       "save the file as UTF-8")
    return text


def detect_kind(text: str) -> str:
    """'feed' (<rss>, <feed>, <rdf:RDF>), 'html' (<html>, <!doctype html>), 'markup' (other XML) or 'raw'."""
    head = text[:4096]
    start = _PREAMBLE.match(head).end()
    if _FEED.match(head, start):
        return "feed"
    if _HTML.match(head, start):
        return "html"
    if head.startswith("<", start):
        return "markup"
    return "raw"
