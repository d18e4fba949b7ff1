"""JSON as Warta writes it everywhere: compact, UTF-8 as is (one call to json's C encoder)."""

from __future__ import annotations

import json


def compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
