"""`invoke livereload` rebuilds in a fresh process: an edited plugin takes effect on the next rebuild."""

import shutil

from tests.conftest import REPO

PLUGIN = """from pathlib import Path

from pelican import signals


def mark(pelican):
    Path(pelican.output_path, "marker.txt").write_text({value!r})


def register():
    signals.finalized.connect(mark)
"""


def test_a_plugin_edit_is_seen_by_the_next_rebuild(tmp_path):
    from tasks import rebuild

    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "data" / "site", content)
    plugins = tmp_path / "plugins"
    plugins.mkdir()
    (plugins / "marker.py").write_text(PLUGIN.format(value="first"))
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n"
                    f"PLUGIN_PATHS = PLUGIN_PATHS + [{str(plugins)!r}]\nPLUGINS = PLUGINS + ['marker']\n")
    output = tmp_path / "output"
    assert rebuild(content, output, conf) == 0
    assert (output / "marker.txt").read_text() == "first"
    (plugins / "marker.py").write_text(PLUGIN.format(value="the edited plugin"))  # another size: no stale .pyc
    assert rebuild(content, output, conf) == 0
    assert (output / "marker.txt").read_text() == "the edited plugin"
