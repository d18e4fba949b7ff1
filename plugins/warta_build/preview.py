"""``invoke preview``: the whole site with drafts and embargoed articles, in its own folder, never published."""

from __future__ import annotations

from pathlib import Path

from . import build
from .deploy import PREVIEW_MARKER


def preview(content: str | Path = "content", output: str | Path = "preview", stream=None) -> int:
    """Build with ``WARTA_PREVIEW`` on (banner, noindex, drafts listed like published pages) into ``output``."""
    code = build(content, output, overrides={"WARTA_PREVIEW": True}, stream=stream)
    if code == 0:
        (Path(output) / PREVIEW_MARKER).write_text("a preview build: invoke publish refuses this folder\n")
    return code
