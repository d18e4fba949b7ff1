"""``python -m warta_build.staged [--content DIR]``: the pre-commit hook; checks what the commit changes.

Reads the staged changes from git (deleted and renamed files included) and runs the content check on those
files plus the cross-references they touch. A changed settings file checks everything.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from warta.source.changed import check_changed

from . import REPO, lint, load_settings

SETTINGS_FILES = ("pelicanconf.py", "publishconf.py")


def staged_paths(top: Path) -> list[Path]:
    """Every path the staged commit adds, changes, renames (both names) or deletes."""
    out = subprocess.run(["git", "diff", "--cached", "--name-only", "--no-renames", "-z"],
                         cwd=top, capture_output=True, check=True).stdout
    return [top / name for name in out.decode("utf-8", "surrogateescape").split("\0") if name]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="warta_build.staged", description=__doc__.splitlines()[0])
    parser.add_argument("--content", default="content")
    parser.add_argument("paths", nargs="*", help="check these paths instead of the staged ones")
    args = parser.parse_args(argv)
    content = Path(args.content).resolve()
    if not content.is_dir():
        print(f"{args.content}: content folder not found", file=sys.stderr)
        return 2
    try:
        changed = [Path(p).resolve() for p in args.paths] if args.paths else staged_paths(Path(subprocess.run(
            ["git", "rev-parse", "--show-toplevel"], cwd=content, capture_output=True, text=True, check=True,
        ).stdout.strip()))
    except (OSError, subprocess.CalledProcessError) as error:
        print(f"{args.content}: cannot ask git what is staged: {error}", file=sys.stderr)
        return 2
    if any(p.name in SETTINGS_FILES for p in changed):
        problems = lint(content)
    else:
        from warta.settings import of

        warta = of(load_settings(content, content / "output", REPO / "pelicanconf.py"))
        problems = check_changed(content, changed, warta.default_lang, warta.zone)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"commit refused: {len(problems)} problem(s); fix them, 'git add' the files, commit again",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
