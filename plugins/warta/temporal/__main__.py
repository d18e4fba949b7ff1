"""``python -m warta.temporal [--lenient] [-v] FILE...``: scores on labelled sets (see evaluate.py)."""

import sys

from warta.temporal.evaluate import main

if __name__ == "__main__":
    sys.exit(main())
