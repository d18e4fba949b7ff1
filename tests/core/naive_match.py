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
    kept, taken = [], set()
    for start, end, key in sorted(candidates, key=lambda c: (c[0], -c[1])):
        if not taken & set(range(start, end)):
            taken |= set(range(start, end))
            kept.append((start, end, key))
    mentions, last_full = [], {}
    for start, end, key in kept:
        seen = sorted((last_full[i], i) for i in key.shorts if i in last_full)
        later = sorted((s, k.full[0][0]) for s, _, k in kept if s > start and len(k.full) == 1
                       and k.full[0][0] in key.shorts)
        short = [seen[-1][1]] if seen else [later[0][1]] if later else sorted(key.shorts)
        if not key.full and len(named := {i for _, i in seen + later}) > 1:
            short = sorted(named)
        owners = sorted({i for i, _ in key.full} | set(short or key.shorts)) if key.full else short
        if len(owners) > 1:
            mentions.append(Mention(start, end, "", text[start:end], "shared", tuple(owners)))
        elif key.full:
            last_full[key.full[0][0]] = start
            mentions.append(Mention(start, end, key.full[0][0], text[start:end], key.full[0][1]))
        elif owners:
            mentions.append(Mention(start, end, owners[0], text[start:end], "short"))
    return mentions
