"""A problem found in content or settings, reported as ``path:line: message``."""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int | None
    message: str
    hint: str = ""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        text = f"{where}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text


class ProblemsFound(Exception):
    """Raised by glue code (never the core) to stop a build with collected problems."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))
        super().__init__("\n".join(str(p) for p in self.problems))


@contextmanager
def noting(where: str, doing: str):
    """Let a programming error (bad content is a Problem, never an exception) propagate, with a note naming
    what was being processed: ``content/articles/x.md: while enriching this article``. Tracebacks show notes."""
    try:
        yield
    except Exception as error:
        error.add_note(f"{where}: {doing}")
        raise


def did_you_mean(word: str, choices) -> str:
    """A hint naming the closest known choice, or listing the choices."""
    import difflib

    choices = sorted(choices)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "expected one of: " + ", ".join(choices)
