"""The editorial content/ itself: the one test an editor's change may fail, on purpose."""

import subprocess
import sys

from tests.conftest import REPO, run_build


def test_the_editorial_content_checks_and_builds(tmp_path):
    checked = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=REPO, capture_output=True, text=True,
                             timeout=600)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    output = tmp_path / "output"
    result = run_build(REPO / "content", output)
    assert result.returncode == 0, result.stderr
    assert (output / "index.html").is_file() and (output / "api/articles.json").is_file()
