"""A build of exactly the inputs of the previous one, into its untouched output, leaves the output as it is.

Every other kind of change is a real build: tests/site/test_incremental.py compares those with clean builds.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

from tests.conftest import REPO, run_build
from tests.site.test_incremental import files
from warta.source.frontmatter import SITE_ZONE
from warta_build import load_settings
from warta_build.unchanged import stamp_path

ARTICLE = "articles/2023/09/kim-tinjau-pengebom-rusia-di-vladivostok.md"


def stats(folder: Path) -> dict[str, tuple]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns) for p in folder.rglob("*")}


def copied(tmp_path: Path) -> tuple[Path, Path]:
    content, output = tmp_path / "content", tmp_path / "output"
    shutil.copytree(REPO / "content", content)
    return content, output


def test_nothing_changed_leaves_every_file_and_folder_as_it_was(tmp_path):
    content, output = copied(tmp_path)
    first = run_build(content, output)
    assert first.returncode == 0, first.stderr
    before, folder = stats(output), output.stat().st_ino
    again = run_build(content, output)
    assert again.returncode == 0, again.stderr
    assert stats(output) == before and output.stat().st_ino == folder  # not even swapped
    assert again.stderr == first.stderr  # the same warnings, said again


def test_a_damaged_or_missing_output_file_is_built_again(tmp_path):
    content, output = copied(tmp_path)
    assert run_build(content, output).returncode == 0
    expected = files(output)
    (output / "index.html").write_text("defaced", encoding="utf-8")
    (output / "api/articles.json").unlink()
    assert run_build(content, output).returncode == 0
    assert files(output) == expected


def test_a_folder_added_to_the_output_is_gone_after_the_next_build(tmp_path):
    content, output = copied(tmp_path)
    assert run_build(content, output).returncode == 0
    expected = files(output)
    (output / "stray").mkdir()
    assert run_build(content, output).returncode == 0
    assert files(output) == expected and not (output / "stray").exists()


def test_an_environment_variable_warta_reads_is_an_input(tmp_path):
    content, output = copied(tmp_path)
    assert run_build(content, output).returncode == 0
    before = stats(output)
    later = {**os.environ, "WARTA_NOW": "2030-01-01T00:00"}
    assert run_build(content, output, env=later).returncode == 0
    assert stats(output) != before


def test_a_stamp_left_by_another_output_folder_is_not_trusted(tmp_path):
    """The stamp is per output folder: building into a second folder is a real build there."""
    content, output = copied(tmp_path)
    assert run_build(content, output).returncode == 0
    other = tmp_path / "other"
    assert run_build(content, other).returncode == 0
    assert files(other) == files(output)
    cache = load_settings(content, output, REPO / "pelicanconf.py")["CACHE_PATH"]
    assert stamp_path(cache, output).is_file() and stamp_path(cache, other).is_file()


def test_an_embargo_that_falls_due_makes_the_next_build_real(tmp_path):
    """The clock is an input only through embargoes: the stamp knows when the next one falls due."""
    content, output = copied(tmp_path)
    due = datetime.now(SITE_ZONE).replace(microsecond=0) + timedelta(seconds=12)
    source = (content / ARTICLE).read_text(encoding="utf-8")
    source = re.sub(r"^date: .*$", f"date: {due.isoformat()}", source, count=1, flags=re.M)
    source = re.sub(r"^title: .*$", "title: Kim Kembali ke Pyongyang", source, count=1, flags=re.M)
    (content / "articles/2023/09/kim-kembali.md").write_text(source, encoding="utf-8")
    first = run_build(content, output)
    assert first.returncode == 0, first.stderr
    assert "1 embargoed until" in first.stdout
    page = output / f"{due:%Y/%m}/kim-kembali/index.html"
    assert not page.exists()
    before = stats(output)
    again = run_build(content, output)
    if datetime.now(SITE_ZONE) < due:  # built before it fell due: nothing changed, the embargo line said again
        assert stats(output) == before and "1 embargoed until" in again.stdout
    time.sleep(max(0.0, (due - datetime.now(SITE_ZONE)).total_seconds()) + 1)
    after = run_build(content, output)
    assert after.returncode == 0, after.stderr
    assert page.is_file() and "embargoed" not in after.stdout


def test_content_beside_the_cache_folder_is_still_an_input(tmp_path):
    """Only the cache folder and Warta's manifests beside it are not inputs (`invoke bench` keeps all three in
    one folder): a registry edit there is a real build."""
    content, output = copied(tmp_path)
    script = ("import sys; from warta_build import build; "
              f"sys.exit(build({str(content)!r}, {str(output)!r}, overrides={{'CACHE_PATH': {str(tmp_path / 'cache')!r}}}))")

    def run():
        return subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=600)

    assert run().returncode == 0
    before = files(output)
    registry = content / "entities/organizations.yml"
    registry.write_text(registry.read_text(encoding="utf-8").replace("  name: Kremlin\n",
                                                                     "  name: Kremlin\n  aliases: [Istana Kremlin]\n"),
                        encoding="utf-8")
    assert run().returncode == 0
    assert run_build(content, tmp_path / "clean").returncode == 0
    assert files(output) == files(tmp_path / "clean") != before


def test_any_number_of_jobs_builds_the_same_files_and_records_what_workers_read(tmp_path):
    """Workers read and convert the articles, analyse them and render the pages: the files, and the lines the build
    prints (a body the allow-list cleans among them), are those of one process; also when the workers render the
    pages a few at a time while the generators still write (``BATCH``: 500 pages, 10 here, enough for workers)."""
    outputs, printed = [], []
    for jobs, batch in (("1", None), ("2", None), ("2", 10)):
        folder = tmp_path / f"{jobs}-{batch}"
        content, output = folder / "content", folder / "output"  # its own caches, so the analysis runs
        shutil.copytree(REPO / "content", content)
        source = next((content / "articles").rglob("*.md"))
        source.write_text(source.read_text(encoding="utf-8") + "\n<iframe src=\"https://example.com/\"></iframe>\n",
                          encoding="utf-8")
        if batch is None:
            result = run_build(content, output, "--jobs", jobs)
        else:
            script = ("import sys; import warta_incremental.writer as writer; from warta_build import build; "
                      f"writer.BATCH = {batch}; sys.exit(build({str(content)!r}, {str(output)!r}, jobs={jobs}))")
            result = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True,
                                    timeout=600)
        assert result.returncode == 0, result.stderr
        outputs.append(files(output))
        printed.append([line.replace(str(content), "CONTENT") for line in (result.stdout + result.stderr).splitlines()
                        if "seconds" not in line])
        cache = load_settings(content, output, REPO / "pelicanconf.py")["CACHE_PATH"]
        stamp = json.loads(stamp_path(cache, output).read_text(encoding="utf-8"))
        assert any(name.endswith(".crfsuite") for name in stamp["files"])  # the model of names, read by a worker
    assert outputs[0] == outputs[1] == outputs[2]
    assert printed[0] == printed[1] == printed[2]
    assert any("removed from the body" in line and "iframe" in line for line in printed[1]), printed[1]
