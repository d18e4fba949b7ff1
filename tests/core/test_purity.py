"""The core must never import Pelican, Jinja2 or feedgen."""

import pkgutil
import subprocess
import sys

import warta


def test_core_imports_no_pelican_jinja_or_feedgen():
    names = sorted(m.name for m in pkgutil.walk_packages(warta.__path__, "warta."))
    assert len(names) >= 5
    code = (
        "import importlib, sys\n"
        f"for name in {names!r}: importlib.import_module(name)\n"
        "print(sorted(m for m in ('pelican', 'jinja2', 'feedgen') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
