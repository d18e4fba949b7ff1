"""``python -m warta_build [--content DIR] [--output DIR]``: the build tasks.py runs, usable from tests."""

import argparse
import sys

from . import build, jobs_count


def _jobs(text: str) -> int:
    try:
        return jobs_count(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


parser = argparse.ArgumentParser(prog="warta_build")
parser.add_argument("--content", default="content")
parser.add_argument("--output", default="output")
parser.add_argument("--conf", default=None)
parser.add_argument("--debug", action="store_true")
parser.add_argument("--force", action="store_true", help="replace a non-empty folder that is not a Warta build")
parser.add_argument("--jobs", type=_jobs, default=None, metavar="N",
                    help="processes for per-article analysis (0: one per core)")
args = parser.parse_args()
sys.exit(build(args.content, args.output, args.conf, debug=args.debug, force=args.force, jobs=args.jobs))
