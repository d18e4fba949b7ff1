"""The slow reference matcher the fast one is tested against: one regular expression per surface form."""

from __future__ import annotations

import re

from warta.entities.matcher import Mention, forms
from warta.entities.registry import Registry


def naive_match(registry: Registry, text: str, lang: str) -> list[Mention]:
    """Slow reference matcher for tests: one regular expression per surface form."""
    candidates = []
    for form, key in forms(registry).items():
        for found in re.finditer(r"(?<![^\W_])(?=(" + re.escape(form) + r")(?![^\W_]))", text):
            start = found.start()
            candidates.append((start, start + len(form), key))
    mentions, taken = [], set()
    last_full: dict[str, int] = {}
    for start, end, key in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        seen = sorted((last_full[i], i) for i in key.shorts if i in last_full)
        owners = sorted({i for i, _ in key.full} | {i for _, i in seen[-1:]})
        if len(owners) > 1:
            mentions.append(Mention(start, end, "", text[start:end], "shared", tuple(owners)))
        elif key.full:
            last_full[key.full[0][0]] = start
            mentions.append(Mention(start, end, key.full[0][0], text[start:end], key.full[0][1]))
        elif seen:
            mentions.append(Mention(start, end, seen[-1][1], text[start:end], "short"))
    return mentions
