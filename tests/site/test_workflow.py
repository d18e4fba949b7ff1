"""The GitHub Actions workflow: valid against the workflow schema (offline), pinned, cached, deploys from main."""

import os
import re
import subprocess
import sys
import tomllib

import pytest
import yaml

from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
SITE = REPO / ".github" / "workflows" / "site.yml"
DEAD = "http://127.0.0.1:9"  # nothing listens there: the schema check must not need the network


def check_jsonschema(*paths) -> subprocess.CompletedProcess:
    env = {**os.environ, "HTTP_PROXY": DEAD, "HTTPS_PROXY": DEAD, "http_proxy": DEAD, "https_proxy": DEAD}
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           *map(str, paths)], capture_output=True, text=True, env=env, timeout=300)


def load(path):
    data = yaml.safe_load(path.read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as true
    return data


def test_every_workflow_is_valid_against_the_github_schema():
    assert WORKFLOWS
    result = check_jsonschema(*WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_refuses_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(SITE.read_text().replace("runs-on: ubuntu-latest", "runs_on: ubuntu-latest"))
    result = check_jsonschema(broken)
    assert result.returncode == 1
    assert "runs_on" in result.stdout + result.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_actions_are_pinned_by_commit_with_the_release_named(path):
    uses = re.findall(r"uses: (\S+)(.*)", path.read_text())
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", action), action
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", comment), f"{action}: {comment!r}"


def test_pull_requests_are_checked_and_main_is_deployed():
    workflow = load(SITE)
    assert "pull_request" in workflow["on"] and workflow["on"]["push"]["branches"] == ["main"]
    check, deploy = workflow["jobs"]["check"], workflow["jobs"]["deploy"]
    assert any("make test" in step.get("run", "") for step in check["steps"])
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    assert deploy["needs"] == "check" and deploy["permissions"]["pages"] == "write"
    assert deploy["steps"][-1]["uses"].startswith("actions/deploy-pages@")
    assert any("invoke publish --no-deploy" in step.get("run", "") for step in deploy["steps"])


def test_the_python_version_comes_from_a_file_that_agrees_with_pyproject():
    workflow = load(SITE)
    setups = [s for job in workflow["jobs"].values() for s in job["steps"]
              if s.get("uses", "").startswith("actions/setup-python@")]
    assert setups and all("python-version" not in s["with"] for s in setups)
    files = {s["with"]["python-version-file"] for s in setups}
    assert files == {".python-version"}
    version = (REPO / ".python-version").read_text().strip()
    requires = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["requires-python"]
    assert requires == ">=" + version


def test_the_build_caches_are_kept_between_runs():
    deploy = load(SITE)["jobs"]["deploy"]
    names = [s.get("uses", "").split("@")[0] or s.get("run", "") for s in deploy["steps"]]
    cache = next(s for s in deploy["steps"] if s.get("uses", "").startswith("actions/cache@"))
    assert set(cache["with"]["path"].split()) == {".cache", "output"}
    assert cache["with"]["key"].startswith(cache["with"]["restore-keys"].strip())
    assert names.index("actions/cache") < next(i for i, n in enumerate(names) if "invoke publish" in n)


def test_pull_requests_get_a_preview_artifact_that_is_never_deployed():
    workflow = load(SITE)
    check = workflow["jobs"]["check"]["steps"]
    upload = next(s for s in check if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "preview/" and "pull_request" in upload["if"]
    assert any("invoke preview" in s.get("run", "") for s in check)
    assert not any("preview" in str(s) for s in workflow["jobs"]["deploy"]["steps"])
