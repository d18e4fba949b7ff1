"""The slow reference matcher the fast one is tested against: one regular expression per surface form."""

from __future__ import annotations

import re
from collections.abc import Mapping
from collections.abc import Set as AbstractSet

from warta.entities.matcher import Mention, forms
from warta.entities.registry import Registry


def naive_match(registry: Registry, text: str, lang: str,
                common_words: Mapping[str, AbstractSet[str]] | None = None) -> list[Mention]:
    """Slow reference matcher for tests: one regular expression per surface form."""
    common = set((common_words or {}).get(lang, ()))
    candidates = []
    for form, key in forms(registry).items():
        for found in re.finditer(r"(?<![^\W_])(?=(" + re.escape(form) + r")(?![^\W_]))", text):
            start = found.start()
            opener = re.search(r"(?:\A|[.!?:\n])[ \t\"'“‘«(\[*\-–—]*\Z", text[:start])
            if key.common_risk and form.lower() in common and opener:
                continue
            candidates.append((start, start + len(form), key))
    mentions, taken = [], set()
    last_full: dict[str, int] = {}
    for start, end, key in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if taken & set(range(start, end)):
            continue
        taken |= set(range(start, end))
        if key.full:
            last_full[key.full[0]] = start
            mentions.append(Mention(start, end, key.full[0], text[start:end], key.full[1]))
            continue
        owners = sorted((last_full[i], i) for i in key.shorts if i in last_full)
        if owners:
            mentions.append(Mention(start, end, owners[-1][1], text[start:end], "short"))
    return mentions
