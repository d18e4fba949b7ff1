"""Run a whole Warta build: lint first, Pelican into a temporary folder, swap in only on success.

What may be replaced is in :mod:`warta_build.guard`, the folder dance in :mod:`warta_build.swap`,
signals and unexpected errors in :mod:`warta_build.faults`.

Not a Pelican plugin: tasks.py and the tests call :func:`build` (or ``python -m warta_build``).
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import signal
import sys
import time
import traceback
from pathlib import Path

from warta.source.check import check_content
from warta.source.layout import article_paths, shown
from warta_build.faults import Interrupted, Refusal, describe, failed_write, interruptible, public
from warta_build.guard import refusal, unwritable
from warta_build.swap import locked, remove, remove_leftovers, spares, staging_folder, swap_in
from warta_build.unchanged import Reads, fixed_inputs, matching_stamp, stamp_path, write_stamp

REPO = Path(__file__).resolve().parents[2]
logger = logging.getLogger(__name__)


class _Counter(logging.Handler):
    """Prints Pelican's and our warnings as one line each and counts errors.

    Pelican only warns when it cannot copy a file (a full disk, say): that is an error here,
    or a site with pieces missing would go live.
    """

    def __init__(self, stream, output: Path):
        super().__init__(logging.WARNING)
        self.errors = 0
        self.stream = stream
        self.output = output
        self.printed: list[str] = []

    def emit(self, record):
        level = record.levelname.lower()
        if record.levelno >= logging.ERROR or failed_write(record):
            self.errors += 1
            level = "error"
        message = public(record.getMessage().strip().replace("\n", " "), self.output)
        self.printed.append(f"{level}: {message}")
        print(self.printed[-1], file=self.stream)


def load_settings(content: Path, output: Path, conf: Path, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    conf_bytes = conf.read_bytes()
    key = hashlib.sha256(conf_bytes + str(content).encode() + code_version().encode()
                         + repr(sorted((k, v) for k, v in (overrides or {}).items() if k != "WARTA_JOBS")).encode()
                         ).hexdigest()[:16]  # any number of jobs makes the same caches
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(REPO / ".cache" / f"pelican-{key}"),
        **article_paths(content),
    }
    override.update(overrides or {})
    return read_settings(str(conf), override=override)


@functools.cache
def code_version() -> str:
    """A digest of our plugin and theme sources (once per process): no cache may outlive a code change."""
    digest = hashlib.sha256()
    for folder in (REPO / "plugins", REPO / "theme"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".po"):
                digest.update(path.relative_to(REPO).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def jobs_count(text: str) -> int:
    """``--jobs``'s value; ValueError with the line to show for anything but a whole number from 0."""
    if not str(text).isdigit():
        raise ValueError(f"a number of processes, 0 or more (0: one per core), got {text!r}")
    return int(text)


def build(content: str | Path = "content", output: str | Path = "output", conf: str | Path | None = None,
          overrides: dict | None = None, stream=None, debug: bool = False, force: bool = False,
          jobs: int | None = None) -> int:
    """Build ``content`` into ``output``; print problems to ``stream``; return an exit code.

    ``output`` is replaced only when it is a previous build (docs/build.md); ``force`` also lets a
    non-empty folder without the marker go, never a content folder, a repository or a file. ``jobs``:
    ``WARTA_JOBS`` for this build.
    """
    stream = stream or sys.stderr
    content, output = Path(content).resolve(), Path(output).resolve()
    if jobs is not None:
        overrides = {**(overrides or {}), "WARTA_JOBS": jobs}
    with interruptible() as signals:
        try:
            return _build(content, output, conf, overrides, stream, force, signals)
        except Refusal as reason:
            print(reason, file=stream)
        except (Interrupted, KeyboardInterrupt) as stop:
            print(f"interrupted, {shown(output)} left as it was", file=stream)
            return 128 + getattr(stop, "signum", signal.SIGINT)
        except Exception as error:  # one line naming the file, never a traceback, unless asked
            print(describe(error, content, output), file=stream)
            if debug:
                traceback.print_exception(error, file=stream)
        return 1


def _build(content: Path, output: Path, conf, overrides, stream, force: bool, signals) -> int:
    conf = Path(conf).resolve() if conf else REPO / "pelicanconf.py"
    if not content.is_dir():
        print(f"{shown(content)}: content folder not found", file=stream)
        return 2
    if reason := refusal(output, content, force):
        raise Refusal(reason)
    try:
        settings = load_settings(content, output, conf, overrides)
    except Exception as error:  # a settings file that does not run
        print(f"{shown(conf)}: cannot read the settings: {type(error).__name__}: {error}", file=stream)
        return 1
    stamp, fixed = stamp_path(settings["CACHE_PATH"], output), fixed_inputs(settings, conf)
    if _nothing_to_do(output, stamp, fixed, _now(settings), stream, signals):
        return 0
    started = time.time()
    with Reads(output, Path(settings["CACHE_PATH"])) as reads:
        problems = _lint(content, settings, conf, memo=True)
        if problems:
            for problem in problems:
                print(problem, file=stream)
            print(f"build failed: {len(problems)} problem(s); {shown(output)} left as it was", file=stream)
            return 1

        output.parent.mkdir(parents=True, exist_ok=True)
        with locked(output):
            if reason := refusal(output, content, force) or unwritable(output):  # as it is now we hold the lock
                raise Refusal(reason)
            _clear_leftovers(output, stream, signals)
            staging = staging_folder(output)
            try:
                errors, run = _run_pelican(settings, staging, output, stream)
                if not errors:
                    with signals.hold(then_stop=False):
                        swap_in(staging, output)
            finally:
                if staging.exists():  # failed, interrupted, or the swap itself failed
                    with signals.hold():
                        remove(staging)
            if not errors and not signals.pending:
                write_stamp(stamp, fixed, reads, output, run, started)
    if errors:
        print(f"build failed: {errors} error(s); {shown(output)} left as it was", file=stream)
        return 1
    if signals.pending:
        print(f"interrupted after the swap: {shown(output)} holds the new build", file=stream)
        return 128 + signals.pending
    return 0


def _now(settings: dict):
    """The moment this build publishes at (embargoes), or None when it is not a valid one (the lint says so)."""
    from warta_content.embargo import build_now

    now, problems = build_now(settings)
    return None if problems else now


def _nothing_to_do(output: Path, stamp: Path, fixed: str, now, stream, signals) -> bool:
    """True when the previous build read what this one would and ``output`` is as it left it (docs/build.md):
    its lines are printed again, leftovers beside the output removed, and nothing else is done."""
    if not now or not output.is_dir():
        return False
    with locked(output):
        previous = matching_stamp(stamp, fixed, output, now)
        if previous:
            _clear_leftovers(output, stream, signals)
            for line in previous["printed"]:
                print(line, file=stream)
            if previous["embargoes"]:
                print(previous["embargoes"])
    return previous is not None


def _clear_leftovers(output: Path, stream, signals) -> None:
    with signals.hold():
        for path in remove_leftovers(output):
            print(f"removed {shown(path)}, left by an interrupted build", file=stream)


def _run_pelican(settings: dict, staging: Path, output: Path, stream) -> tuple[int, dict]:
    """Run Pelican into ``staging``: the number of errors it logged (or raised as ProblemsFound), and what the
    stamp of an unchanged build keeps (the lines printed, the next embargo due)."""
    from pelican import Pelican, signals as pelican_signals

    from warta.problems import ProblemsFound
    from warta_content import embargoes

    counter = _Counter(stream, output)
    run = {"release": None, "embargoes": ""}

    def seen(generator):
        run["release"], run["embargoes"] = embargoes(generator)

    root = logging.getLogger()
    root.addHandler(counter)
    pelican_signals.article_generator_finalized.connect(seen)
    try:
        Pelican({**settings, "OUTPUT_PATH": str(staging), "DELETE_OUTPUT_DIRECTORY": False,  # it is new
                 "PREVIOUS_OUTPUT_PATH": str(output)}).run()  # warta_incremental reuses its unchanged pages
    except ProblemsFound as found:
        for problem in found.problems:
            print(problem, file=stream)
        counter.errors += 1
    finally:
        root.removeHandler(counter)
        pelican_signals.article_generator_finalized.disconnect(seen)
    run["printed"] = counter.printed
    return counter.errors, run


def clean(output: str | Path = "output", content: str | Path = "content", stream=None) -> int:
    """Remove ``output`` if a Warta build wrote it (and what interrupted builds left beside it)."""
    stream = stream or sys.stderr
    output, content = Path(output).resolve(), Path(content).resolve()
    if not output.parent.is_dir():
        return 0
    try:
        with locked(output):
            for path in remove_leftovers(output):
                print(f"removed {shown(path)}, left by an interrupted build", file=stream)
            for path in spares(output):  # the folders kept for the next build's staging
                remove(path)
            if not output.exists():
                return 0
            if reason := refusal(output, content, action="remove"):
                raise Refusal(reason)
            remove(output)
    except Refusal as reason:
        print(reason, file=stream)
        return 1
    print(f"removed {shown(output)}", file=stream)
    return 0


def lint(content: str | Path = "content", conf: str | Path | None = None, warnings: list | None = None) -> list:
    """Every problem in a content folder, sorted (what `invoke check` prints); copy-editing warnings,
    which never fail a build, are added to ``warnings`` when given."""
    content = Path(content).resolve()
    if not content.is_dir():
        from warta.problems import Problem

        return [Problem(shown(content), None, "content folder not found")]
    conf = Path(conf).resolve() if conf else REPO / "pelicanconf.py"
    return _lint(content, load_settings(content, content / "output", conf), conf, warnings)


def settings_problems(settings: dict, conf: Path) -> list:
    """Every problem in Warta's settings, at its line in ``conf`` (or the file it star-imports)."""
    from warta.settings import read, setting_lines

    return read(settings, setting_lines(conf))[1]


def _lint(content: Path, settings: dict, conf: Path, warnings: list | None = None, memo: bool = False) -> list:
    """``memo``: keep what articles without a problem said in the cache folder, and read it back (a build)."""
    from warta.source.embargo import NOW_VARIABLE, read_now

    problems = settings_problems(settings, conf)
    if os.environ.get(NOW_VARIABLE):  # the environment's "now" wins over the setting: check it too
        problems += read_now(os.environ[NOW_VARIABLE])[1]
    if problems:  # the content is read with these settings: check them first
        return problems
    from warta.aggregate.enrich import code_version as core_version
    from warta.settings import of
    from warta.source.lint_memo import LintMemo

    zone = of(settings).zone
    facts = LintMemo(Path(settings["CACHE_PATH"]) / "warta-lint.json",
                     f"{core_version()}\0{settings['DEFAULT_LANG']}\0{zone}") if memo else None
    report = check_content(content, settings["DEFAULT_LANG"], zone, warnings=warnings is not None, memo=facts)
    if facts is not None:
        facts.save()
    problems += report.problems
    if warnings is not None:
        warnings += report.warnings
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


