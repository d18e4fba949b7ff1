"""The plugins check what they own: plain `pelican`, our build and `invoke check` fail on the same problems."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, run_build

FIXTURE = REPO / "tests" / "data" / "feeds"
ARTICLE = "articles/2023/09/kim-putin-bertemu.md"


def broken(tmp_path: Path, old: str, new: str, file: str = ARTICLE) -> Path:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    path = content / file
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return content


def pelican(content: Path, output: Path) -> subprocess.CompletedProcess:
    """Plain Pelican, as a user without our build driver runs it."""
    return subprocess.run([sys.executable, "-m", "pelican", str(content), "-s", str(REPO / "pelicanconf.py"),
                           "-o", str(output)], cwd=content.parent, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "COLUMNS": "1000"})  # Pelican's console must not wrap lines


def check(content: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", "check", "--content", str(content)], cwd=REPO,
                          capture_output=True, text=True, timeout=600)


@pytest.mark.parametrize("old, new, file, message", [
    ("story: korut-rusia", "story: tidak-ada", ARTICLE, ":8: unknown story 'tidak-ada'"),
    ("story: korut-rusia", "story: korut-rusia\nentities: {add: [kim-jong-uh]}", ARTICLE,
     ":9: unknown entity id 'kim-jong-uh' in entities.add (did you mean 'kim-jong-un'?)"),
    ("lang: id", "lang: id\nslug: lavrov-ke-pyongyang", ARTICLE,
     "lavrov-ke-pyongyang.md:1: duplicate slug 'lavrov-ke-pyongyang', also used by"),
    ("- id: bank-indonesia", "- id: tokoh", "entities/registry.yml", ":10: entity id 'tokoh' is reserved"),
])
def test_pelican_build_and_check_agree(tmp_path, old, new, file, message):
    content = broken(tmp_path, old, new, file)
    output = tmp_path / "output"
    plain = pelican(content, output)
    assert plain.returncode != 0 and message in plain.stdout + plain.stderr
    assert not (output / "feeds").exists() and not (output / "cerita").exists()  # nothing for a broken corpus
    ours = run_build(content, tmp_path / "ours")
    assert ours.returncode == 1 and message in ours.stderr
    checked = check(content)
    assert checked.returncode == 1 and message in checked.stdout


def test_two_pages_with_one_slug_fail_all_three(tmp_path):
    content = broken(tmp_path, "title: Tentang", "title: Lain\nslug: tentang", "pages/tentang.md")
    (content / "pages/tentang.md").rename(content / "pages/lain.md")
    (content / "pages/tentang.md").write_text("---\ntitle: Tentang\ndate: 2023-09-01\n---\nSatu halaman.\n", encoding="utf-8")
    message = "tentang.md:1: duplicate slug 'tentang', also used by"
    plain = pelican(content, tmp_path / "output")
    assert plain.returncode != 0 and message in plain.stdout + plain.stderr
    ours = run_build(content, tmp_path / "ours")
    assert ours.returncode == 1 and message in ours.stderr
    checked = check(content)
    assert checked.returncode == 1 and message in checked.stdout


def test_the_fixture_itself_passes_all_three(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    assert pelican(content, tmp_path / "output").returncode == 0
    assert (tmp_path / "output/cerita/korut-rusia/rss.xml").is_file()
    assert check(content).returncode == 0
