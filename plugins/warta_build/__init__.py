"""Run a whole Warta build: lint first, Pelican into a temporary folder, swap in only on success.

Not a Pelican plugin: tasks.py and the tests call :func:`build` (or ``python -m warta_build``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from warta.source.check import check_content
from warta.source.layout import article_paths, shown

REPO = Path(__file__).resolve().parents[2]
logger = logging.getLogger(__name__)


class _Counter(logging.Handler):
    """Prints Pelican's and our warnings as one line each and counts errors."""

    def __init__(self, stream):
        super().__init__(logging.WARNING)
        self.errors = 0
        self.stream = stream

    def emit(self, record):
        if record.levelno >= logging.ERROR:
            self.errors += 1
        message = record.getMessage().strip().replace("\n", " ")
        print(f"{record.levelname.lower()}: {message}", file=self.stream)


def load_settings(content: Path, output: Path, conf: Path, overrides: dict | None = None) -> dict:
    from pelican.settings import read_settings

    conf_bytes = conf.read_bytes()
    key = hashlib.sha256(conf_bytes + str(content).encode() + _code_version().encode()).hexdigest()[:16]
    override = {
        "PATH": str(content),
        "OUTPUT_PATH": str(output),
        "CACHE_PATH": str(REPO / ".cache" / f"pelican-{key}"),
        **article_paths(content),
    }
    override.update(overrides or {})
    return read_settings(str(conf), override=override)


def _code_version() -> str:
    """A digest of our plugin and theme sources: Pelican's cache must not outlive a code change."""
    digest = hashlib.sha256()
    for folder in (REPO / "plugins", REPO / "theme"):
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix in (".py", ".html", ".po"):
                digest.update(path.relative_to(REPO).as_posix().encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


def build(content: str | Path = "content", output: str | Path = "output", conf: str | Path | None = None,
          overrides: dict | None = None, stream=None, debug: bool = False) -> int:
    """Build ``content`` into ``output``; print problems to ``stream``; return an exit code."""
    stream = stream or sys.stderr
    content, output = Path(content).resolve(), Path(output).resolve()
    conf = Path(conf).resolve() if conf else REPO / "pelicanconf.py"
    if not content.is_dir():
        print(f"{shown(content)}: content folder not found", file=stream)
        return 2
    try:
        settings = load_settings(content, output, conf, overrides)
    except Exception as error:  # a settings file that does not run
        print(f"{shown(conf)}: cannot read the settings: {type(error).__name__}: {error}", file=stream)
        return 1
    problems = _lint(content, settings, conf)
    if problems:
        for problem in problems:
            print(problem, file=stream)
        print(f"build failed: {len(problems)} problem(s); {shown(output)} left as it was", file=stream)
        return 1

    output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{output.name}.building-", dir=output.parent))
    counter = _Counter(stream)
    root = logging.getLogger()
    root.addHandler(counter)
    try:
        from pelican import Pelican

        settings["OUTPUT_PATH"] = str(staging)
        Pelican(settings).run()
    except Exception as error:  # one line, never a traceback, unless asked
        from warta.problems import ProblemsFound

        if isinstance(error, ProblemsFound):
            for problem in error.problems:
                print(problem, file=stream)
        else:
            print(f"error: {type(error).__name__}: {error}", file=stream)
            if debug:
                import traceback

                traceback.print_exc(file=stream)
        counter.errors += 1
    finally:
        root.removeHandler(counter)
        if counter.errors or sys.exc_info()[0] is not None:  # failed or interrupted: leave no staging folder
            shutil.rmtree(staging, ignore_errors=True)
    if counter.errors:
        print(f"build failed: {counter.errors} error(s); {shown(output)} left as it was", file=stream)
        return 1
    _swap(staging, output)
    return 0


def lint(content: str | Path = "content", conf: str | Path | None = None) -> list:
    """Every problem in a content folder, sorted (what `invoke check` prints)."""
    content = Path(content).resolve()
    if not content.is_dir():
        from warta.problems import Problem

        return [Problem(shown(content), None, "content folder not found")]
    conf = Path(conf).resolve() if conf else REPO / "pelicanconf.py"
    return _lint(content, load_settings(content, content / "output", conf), conf)


def settings_problems(settings: dict, conf: Path) -> list:
    """Every problem in Warta's settings, at its line in ``conf`` (or the file it star-imports)."""
    from warta.settings import read, setting_lines

    return read(settings, setting_lines(conf))[1]


def _lint(content: Path, settings: dict, conf: Path) -> list:
    from warta.source.embargo import NOW_VARIABLE, read_now

    problems = settings_problems(settings, conf)
    if os.environ.get(NOW_VARIABLE):  # the environment's "now" wins over the setting: check it too
        problems += read_now(os.environ[NOW_VARIABLE])[1]
    if problems:  # the content is read with these settings: check them first
        return problems
    from warta.settings import of

    problems += check_content(content, settings["DEFAULT_LANG"], of(settings).zone).problems
    return sorted(set(problems), key=lambda p: (p.path, p.line or 0, p.message))


def _swap(staging: Path, output: Path) -> None:
    """Replace ``output`` by ``staging`` with two renames on the same filesystem."""
    os.chmod(staging, 0o755)
    old = None
    if output.exists():
        old = Path(tempfile.mkdtemp(prefix=f".{output.name}.old-", dir=output.parent))
        os.rmdir(old)
        output.rename(old)
    staging.rename(output)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)

