import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.static_host import served

REPO = Path(__file__).resolve().parents[1]
# This checkout's plugins, here and in every build a test starts, whatever checkout the editable install names.
sys.path.insert(0, str(REPO / "plugins"))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO / "plugins"), os.environ.get("PYTHONPATH")]))
NEWSROOM = REPO / "tests" / "data" / "newsroom"  # a frozen copy of the sample content: editors cannot break the tests
READER = REPO / "tests" / "data" / "reader"  # the reader's site fixture: editions, related articles, search
VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"  # the Nu HTML Checker (npm vnu-jar)


def run_build(content: Path, output: Path, *extra: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """A real build in its own process (Pelican's signal receivers must not leak between builds)."""
    return subprocess.run(
        [sys.executable, "-m", "warta_build", "--content", str(content), "--output", str(output), *extra],
        cwd=REPO, capture_output=True, text=True, timeout=600, env=env,
    )


def _built(tmp_path_factory, content: Path, name: str) -> Path:
    output = tmp_path_factory.mktemp(name) / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The newsroom fixture (tests/data/newsroom), built once per test session."""
    return _built(tmp_path_factory, NEWSROOM, "site")


@pytest.fixture(scope="session")
def reader_site(tmp_path_factory) -> Path:
    """The reader's site fixture (tests/data/reader), built once per test session."""
    return _built(tmp_path_factory, READER, "reader")


@pytest.fixture(scope="module")
def server(site):
    """The module's ``site`` served as a static host serves it (tests/static_host.py); the base URL."""
    with served(site) as url:
        yield url
