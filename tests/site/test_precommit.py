"""The pre-commit hook in a real temporary git repository: a broken article is refused, a good one passes."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

ARTICLE = "content/articles/2023/09/ktt-asean-ke-43-jakarta-ditutup.md"


def git(repo: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture
def repo(tmp_path) -> tuple[Path, dict]:
    """A clone-like folder: our content, our .pre-commit-config.yaml, .venv pointing at this interpreter."""
    repo = tmp_path / "newsroom"
    shutil.copytree(REPO / "content", repo / "content")
    shutil.copy(REPO / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(Path(sys.prefix))
    (repo / ".gitignore").write_text(".venv\n")
    dead = "http://127.0.0.1:9"  # nothing listens there: any attempt to reach the network fails
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"), "HOME": str(tmp_path),
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "Redaksi", "GIT_AUTHOR_EMAIL": "redaksi@example.org",
           "GIT_COMMITTER_NAME": "Redaksi", "GIT_COMMITTER_EMAIL": "redaksi@example.org",
           "HTTP_PROXY": dead, "HTTPS_PROXY": dead, "ALL_PROXY": dead, "http_proxy": dead, "https_proxy": dead,
           "PIP_NO_INDEX": "1", "PYTHONPATH": str(REPO)}
    assert git(repo, "init", "-q", "-b", "main", env=env).returncode == 0
    installed = subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env,
                               capture_output=True, text=True, timeout=300)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    git(repo, "add", "-A", env=env)
    first = git(repo, "commit", "-q", "-m", "Seed the newsroom", env=env)
    assert first.returncode == 0, first.stdout + first.stderr
    return repo, env


def commit(repo: Path, env: dict, message: str) -> subprocess.CompletedProcess:
    """``git add -A`` and ``git commit``; the hook's report is in ``.stdout`` (git's two streams joined)."""
    git(repo, "add", "-A", env=env)
    done = git(repo, "commit", "-m", message, env=env)
    return subprocess.CompletedProcess(done.args, done.returncode, done.stdout + done.stderr, "")


def test_a_broken_article_is_refused_and_a_good_one_passes(repo):
    repo, env = repo
    path = repo / ARTICLE
    good = path.read_text()
    path.write_text(good.replace("date: 2023-09-07", "date: 2023-13-07", 1))
    assert "date: 2023-13-07" in path.read_text()
    refused = commit(repo, env, "Broken date")
    shown = refused.stdout
    assert refused.returncode != 0
    assert f"{ARTICLE}:3: 'date' is not a valid ISO 8601 date" in shown
    assert "Traceback" not in shown
    assert git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "1"

    path.write_text(good.replace("Jakarta", "Jakarta Pusat", 1))
    passed = commit(repo, env, "Dateline fixed")
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(repo, "rev-list", "--count", "HEAD", env=env).stdout.strip() == "2"
    store = Path(env["PRE_COMMIT_HOME"]) / "db.db"  # a local hook clones nothing
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT COUNT(*) FROM repos").fetchone()[0] == 0


def test_an_unknown_story_in_a_changed_article_is_refused(repo):
    repo, env = repo
    path = repo / "content/articles/2023/10/lavrov-temui-kim-jong-un-di-pyongyang.md"
    path.write_text(path.read_text().replace("story: korut-rusia", "story: korut-rusla"))
    refused = commit(repo, env, "Typo in story")
    assert refused.returncode != 0
    assert "lavrov-temui-kim-jong-un-di-pyongyang.md:" in refused.stdout
    assert "unknown story 'korut-rusla' (did you mean 'korut-rusia'?)" in refused.stdout


def test_deleting_a_story_refuses_the_articles_that_follow_it(repo):
    repo, env = repo
    (repo / "content/stories/pemilu-2024.yml").unlink()
    refused = commit(repo, env, "Drop a story")
    assert refused.returncode != 0
    users = {line.split(":")[0] for line in refused.stdout.splitlines() if "unknown story 'pemilu-2024'" in line}
    expected = {str(p.relative_to(repo)) for p in (repo / "content/articles").rglob("*.md")
                if "story: pemilu-2024" in p.read_text()}
    assert users == expected and len(expected) == 5


def test_a_registry_change_checks_the_stories_that_name_its_entities(repo):
    repo, env = repo
    people = repo / "content/entities/people.yml"
    people.write_text(people.read_text().replace("- id: sergey-lavrov", "- id: sergei-lavrov", 1))
    refused = commit(repo, env, "Rename an entity")
    assert refused.returncode != 0
    assert "content/stories/korut-rusia.yml:6: unknown entity id 'sergey-lavrov' in story entities" in refused.stdout


def test_an_old_problem_elsewhere_does_not_block_an_unrelated_commit(repo):
    repo, env = repo
    broken = repo / ARTICLE
    broken.write_text(broken.read_text().replace("title:", "titel:", 1))
    skipped = subprocess.run(["git", "commit", "-qam", "Broken, pushed past the hook", "--no-verify"], cwd=repo,
                             env=env, capture_output=True, text=True)
    assert skipped.returncode == 0
    page = repo / "content/pages/about.md"
    page.write_text(page.read_text() + "\nSatu kalimat lagi.\n")
    passed = commit(repo, env, "About page")
    assert passed.returncode == 0, passed.stdout
    assert "titel" not in passed.stdout
