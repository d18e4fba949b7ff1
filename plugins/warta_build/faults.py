"""Stopping a build cleanly: signals become exceptions, unexpected errors become one line naming the file."""

from __future__ import annotations

import ast
import functools
import inspect
import logging
import os
import re
import signal
import textwrap
import threading
import traceback
from contextlib import contextmanager
from pathlib import Path

from warta.source.layout import shown

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


class Refusal(Exception):
    """A reason not to start (or go on with) a build, already worded as one line."""


class Interrupted(BaseException):
    """SIGINT, SIGTERM or SIGHUP arrived; like KeyboardInterrupt, no ``except Exception`` swallows it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


class Signals:
    """Turns the stop signals into :class:`Interrupted`, except inside :meth:`hold`, where they wait."""

    def __init__(self):
        self.holding = False
        self.pending: int | None = None

    def handle(self, signum, frame):
        if self.holding:
            self.pending = self.pending or signum
            return
        raise Interrupted(signum)

    @contextmanager
    def hold(self, then_stop: bool = True):
        """A stretch no signal may cut short (the swap, removing a folder).

        A signal arriving meanwhile is kept in ``pending`` and, with ``then_stop``, raised right after.
        """
        self.holding = True
        try:
            yield
        finally:
            self.holding = False
        if then_stop and self.pending:
            raise Interrupted(self.pending)


@contextmanager
def interruptible():
    """Install :class:`Signals` for the duration (main thread only; ignored signals stay ignored)."""
    signals = Signals()
    previous = {}
    if threading.current_thread() is threading.main_thread():
        for number in _SIGNALS:
            if signal.getsignal(number) is not signal.SIG_IGN:
                previous[number] = signal.signal(number, signals.handle)
    try:
        yield signals
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def describe(error: BaseException, content: Path, output: Path) -> str:
    """One line for an unexpected error: the file it happened on when known, then what happened."""
    stack = list(traceback.walk_tb(error.__traceback__))[::-1]  # innermost first
    frames = [frame for frame, _ in stack]
    source = _source(frames, content)
    template = next((f"{shown(frame.f_code.co_filename)}:{line}" for frame, line in stack
                     if frame.f_code.co_filename.endswith(".html")), None)  # Jinja's frames name the template
    if isinstance(error, OSError) and error.strerror:
        where = public(getattr(error, "filename", None), output) or _file_in_hand(frames[:1], output) or source
        what = f"cannot write: {error.strerror}" if _inside(where, output) else error.strerror
    else:
        where = source
        what = public(f"{type(error).__name__}: {error}", output).replace("\n", " ").strip()
    if template:
        what += f" (in {template})"
    prefix = f"{shown(where)}: " if where else ""
    return f"{prefix}error: {what}; {shown(output)} left as it was (--debug shows the traceback)"


def _source(frames, content: Path) -> str | None:
    """The content file the innermost frame that is working on one is working on.

    Only a parameter or the variable of a loop running at that line counts: a variable left over
    from a finished loop names a file that is done.
    """
    for frame in frames:
        for name, value in list(frame.f_locals.items()):
            path = _source_of(value)
            if path is None and isinstance(value, (str, Path)) and _inside(str(value), content):
                path = str(value)
            if path and _current(frame, name):
                return path
    return None


def _file_in_hand(frames, output: Path) -> str | None:
    """The first absolute file path (not a folder, not the output root) among the locals of ``frames``."""
    for frame in frames:
        for value in list(frame.f_locals.values()):
            if isinstance(value, (str, Path)) and os.path.isabs(value) and not os.path.isdir(value):
                path = public(str(value), output)
                if path != str(output):
                    return path
    return None


def _current(frame, name: str) -> bool:
    code = frame.f_code
    if name in code.co_varnames[:code.co_argcount + code.co_kwonlyargcount]:
        return True
    return any(first <= frame.f_lineno <= last for first, last in _loops(code).get(name, ()))


@functools.lru_cache(maxsize=256)
def _loops(code) -> dict[str, list[tuple[int, int]]]:
    """name -> line spans of the ``for`` loops (and comprehensions) in ``code`` that bind it."""
    try:
        lines, start = inspect.getsourcelines(code)
        tree = ast.parse(textwrap.dedent("".join(lines)))
    except (OSError, TypeError, SyntaxError):
        return {}
    spans: dict[str, list[tuple[int, int]]] = {}
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor)):
            target, first, last = node.target, node.lineno, node.end_lineno
        elif isinstance(node, ast.comprehension):
            target, first, last = node.target, node.target.lineno, node.iter.end_lineno
        else:
            continue
        for name in ast.walk(target):
            if isinstance(name, ast.Name):
                spans.setdefault(name.id, []).append((first + start - 1, last + start - 1))
    return spans


def _source_of(value) -> str | None:
    """A Pelican content object's source file (``source_path``), touched only as a plain attribute."""
    if isinstance(value, (str, bytes, Path, int, float, dict, list, tuple)) or value is None:
        return None
    try:
        path = getattr(value, "source_path", None)
    except Exception:  # template "undefined" values raise on any attribute
        return None
    return path if isinstance(path, str) and path else None


def failed_write(record: logging.LogRecord) -> bool:
    """A log record about a file that could not be copied or written (Pelican only warns)."""
    args = record.args if isinstance(record.args, tuple) else ()
    return any(isinstance(arg, OSError) for arg in args) or str(record.msg).startswith("While copying")


def public(text: str | None, output: Path) -> str | None:
    """Text with the temporary build folder's name replaced by the output folder's."""
    if not text:
        return None
    pattern = re.escape(str(output.parent / f".{output.name}.building-")) + r"[^/\\'\"]*"
    return re.sub(pattern, lambda _: str(output), str(text))


def _inside(path: str | None, folder: Path) -> bool:
    if not path:
        return False
    try:
        return Path(path).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False
