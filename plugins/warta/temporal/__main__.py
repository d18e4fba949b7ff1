"""``python -m warta.temporal [--lenient] FILE...``: scores of the labelled set (see evaluate.py)."""

import sys

from warta.temporal.evaluate import main

sys.exit(main())
