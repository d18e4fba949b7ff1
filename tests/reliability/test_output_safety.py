"""Never lose data: what a build may replace, interrupted and failing builds, and one clear line for each fault.

Every case runs real builds (``python -m warta_build`` or ``invoke``) in their own processes and checks:
the exit code, no traceback, the message naming the file or folder, and the folders around the output
byte-identical (a digest of every entry) where nothing may change.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.reliability.build_faults import (
    BUILD, WITHOUT_OVERRIDE, build, change, fault, hooked_conf, invoke, new_site, one_line, siblings, tree,
)
from warta_build.swap import only_folders

MARKER = ".warta-build"


@pytest.fixture(scope="session")
def prebuilt(tmp_path_factory) -> Path:
    """One build of the fixture site, copied in as the previous output of each test."""
    folder = tmp_path_factory.mktemp("prebuilt")
    result = build(new_site(folder), folder / "output")
    assert result.returncode == 0, result.stderr
    return folder / "output"


@pytest.fixture()
def site(tmp_path, prebuilt) -> tuple[Path, Path]:
    """(content, output): the fixture site and its previous build, side by side in tmp_path."""
    output = tmp_path / "output"
    shutil.copytree(prebuilt, output, symlinks=True)
    return new_site(tmp_path), output


@pytest.fixture()
def expected(tmp_path_factory, site) -> dict:
    """The tree a clean build of the changed site gives (the test then changes ``site`` the same way)."""
    folder = tmp_path_factory.mktemp("expected")
    content = new_site(folder)
    change(content)
    assert build(content, folder / "output").returncode == 0
    change(site[0])
    return tree(folder / "output")


def unprivileged(path: Path) -> list[str]:
    """A command prefix under which permission bits apply (root here drops its override capabilities)."""
    if os.geteuid() != 0:
        return []
    probe = subprocess.run([*WITHOUT_OVERRIDE, "touch", str(path / "probe")], capture_output=True)
    assert probe.returncode != 0, "setpriv did not drop the override: the permission tests would prove nothing"
    return WITHOUT_OVERRIDE


# --- what a build may replace -------------------------------------------------------------------

def _file(tmp, content):
    target = tmp / "notes.txt"
    target.write_text("an editor's notes\n")
    return target


def _git_folder(tmp, content):
    target = tmp / "site-repo"
    (target / ".git").mkdir(parents=True)
    (target / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (target / "index.html").write_text("<p>hand-made</p>\n")
    (target / MARKER).write_text("even a marker does not make a repository replaceable\n")
    return target


def _git_worktree(tmp, content):
    target = tmp / "worktree"
    target.mkdir()
    (target / ".git").write_text("gitdir: /elsewhere/.git/worktrees/x\n")
    (target / "README").write_text("work\n")
    return target


def _unmarked(tmp, content):
    target = tmp / "photos"
    target.mkdir()
    (target / "liputan.jpg").write_bytes(b"\xff\xd8\xff not really a jpeg")
    return target


def _unmarked_sources(tmp, content):
    target = tmp / "drafts"
    (target / "2023").mkdir(parents=True)
    (target / "2023" / "draf.md").write_text("---\ntitle: Draf\n---\n")
    return target


def _link_to_content(tmp, content):
    target = tmp / "site-link"
    target.symlink_to(content, target_is_directory=True)
    return target


REFUSED = {
    # case: (make the target, extra arguments, words the one line must hold)
    "a file": (_file, [], "is a file, not a folder"),
    "a file, forced": (_file, ["--force"], "is a file, not a folder"),
    "the content folder": (lambda tmp, content: content, [], "is the content folder"),
    "the content folder, forced": (lambda tmp, content: content, ["--force"], "is the content folder"),
    "a link to the content folder": (_link_to_content, ["--force"], "is the content folder"),
    "the folder holding content": (lambda tmp, content: tmp, ["--force"], "contains the content folder"),
    "inside the content folder": (lambda tmp, content: content / "articles" / "site", [],
                                  "is inside the content folder"),
    "inside a file": (lambda tmp, content: _file(tmp, content) / "site", [], "is inside a file"),
    "a git repository": (_git_folder, [], "holds a git repository"),
    "a git repository, forced": (_git_folder, ["--force"], "holds a git repository"),
    "a git worktree": (_git_worktree, ["--force"], "holds a git repository"),
    "a folder that is not a build": (_unmarked, [], "not empty and not a Warta build"),
    "a folder of sources, forced": (_unmarked_sources, ["--force"], "holds source files"),
}


@pytest.mark.parametrize("case", REFUSED)
def test_build_refuses_a_folder_it_does_not_own_and_touches_nothing(tmp_path, site, case):
    make, extra, words = REFUSED[case]
    content = site[0]
    target = make(tmp_path, content)
    before = tree(tmp_path)
    result = build(content, target, *extra)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert words in line
    assert str(target.resolve()) in line or str(target) in line
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_warta_itself_and_the_working_folder_are_never_replaced(tmp_path, site):
    before = tree(REPO / "plugins")
    for target, extra, words in ((REPO, [], "contains Warta's own folder"),
                                 (REPO.parent, ["--force"], "contains Warta's own folder"),
                                 (REPO / "plugins", ["--force"], "holds source files")):
        result = build(site[0], target, *extra)
        assert result.returncode == 1, target
        assert words in one_line(result.stderr)
        assert "Traceback" not in result.stderr
    assert tree(REPO / "plugins") == before


def test_invoke_build_refuses_a_file_as_output(tmp_path, site):
    target = _file(tmp_path, site[0])
    before = tree(tmp_path)
    result = invoke("build", "--content", str(site[0]), "--output", str(target))
    assert result.returncode == 1
    assert one_line(result.stderr) == f"{target}: is a file, not a folder: refusing to build into it"
    assert tree(tmp_path) == before


def test_a_previous_build_is_replaced_and_marked(site, prebuilt):
    content, output = site
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert (output / MARKER).is_file()
    assert tree(output) == tree(prebuilt)
    assert siblings(output) == []


def test_force_replaces_an_old_unmarked_build_but_nothing_else_around_it(tmp_path, site, prebuilt):
    content, output = site
    old = tmp_path / "old-site"
    (old / "2020").mkdir(parents=True)
    (old / "index.html").write_text("<p>built before the marker existed</p>\n")
    (old / "2020" / "index.html").write_text("<p>old</p>\n")
    neighbours = tree(content), tree(output)
    refused = build(content, old)
    assert refused.returncode == 1 and "pass --force" in one_line(refused.stderr)
    result = build(content, old, "--force")
    assert result.returncode == 0, result.stderr
    assert tree(old) == tree(prebuilt)
    assert (tree(content), tree(output)) == neighbours
    assert siblings(old) == []


def test_without_an_atomic_exchange_two_renames_swap_and_leave_nothing(tmp_path, prebuilt, monkeypatch):
    """The fallback for systems without renameat2(RENAME_EXCHANGE), which this machine has."""
    from warta_build import swap

    monkeypatch.setattr(swap, "_exchange", lambda first, second: False)
    output = tmp_path / "output"
    shutil.copytree(prebuilt, output)
    (output / "stale.html").write_text("from the old site\n")
    staging = swap.staging_folder(output)
    shutil.copytree(prebuilt, staging, dirs_exist_ok=True)
    swap.swap_in(staging, output)
    assert tree(output) == tree(prebuilt)
    assert siblings(output) == []


def _folders(root: Path) -> set[Path]:
    return {p.relative_to(root) for p in root.rglob("*") if p.is_dir()}


def test_a_build_stages_into_the_folders_kept_from_the_output_it_replaced(tmp_path, site, expected):
    content, output = site
    spare = tmp_path / ".output.spare-kept"  # the previous output's folders, as recycle() keeps them
    shutil.copytree(output, spare)
    for path in [p for p in spare.rglob("*") if p.is_file() and p.name != MARKER]:
        path.unlink()
    (spare / "gone" / "deeper").mkdir(parents=True)  # a folder the new build does not use
    replaced = _folders(output)
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert tree(output) == expected
    assert not spare.exists() and not (output / "gone").exists()
    assert not [p for p in output.rglob("*") if p.is_dir() and not any(p.iterdir())]  # no empty folder
    kept = [p for p in tmp_path.iterdir() if p.name.startswith(".output.")]
    assert len(kept) == 1 and kept[0].name.startswith(".output.spare-") and only_folders(kept[0])
    assert _folders(kept[0]) == replaced and [p.name for p in kept[0].iterdir() if p.is_file()] == [MARKER]


def test_a_spare_holding_a_link_or_a_file_is_removed_not_staged_into(tmp_path, site, expected):
    content, output = site
    outside = tmp_path / "outside"
    outside.mkdir()
    linked, filed = tmp_path / ".output.spare-linked", tmp_path / ".output.spare-filed"
    for spare in (linked, filed):
        (spare / "2023").mkdir(parents=True)
        (spare / MARKER).write_text("built by Warta\n")
    (linked / "2023" / "09").symlink_to(outside, target_is_directory=True)  # the new article's folder
    (filed / "2023" / "stale.html").write_text("<p>not this build's</p>\n")
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert tree(output) == expected and list(outside.iterdir()) == []
    assert not linked.exists() and not filed.exists() and siblings(output) == []


# --- clean and import ------------------------------------------------------------------------------

def clean(output: Path, content: Path) -> subprocess.CompletedProcess:
    """What `invoke clean` does to the output (the task also empties .cache/, shared by parallel tests)."""
    return subprocess.run([sys.executable, "-c", "import sys; from warta_build import clean; "
                           f"sys.exit(clean({str(output)!r}, {str(content)!r}))"],
                          cwd=REPO, capture_output=True, text=True, timeout=60)


def test_clean_removes_a_build_and_the_leftovers_of_interrupted_ones(tmp_path, site):
    content, output = site
    shutil.copytree(output, tmp_path / ".output.building-x1y2")
    (tmp_path / ".output.spare-k3p" / "2023").mkdir(parents=True)  # the folders kept for the next build
    (tmp_path / ".output.spare-k3p" / MARKER).write_text("built by Warta\n")
    before = tree(content)
    result = clean(output, content)
    assert result.returncode == 0, result.stderr
    assert not output.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".output")] == []
    assert "removed" in result.stderr and str(output) in result.stderr
    assert tree(content) == before


@pytest.mark.parametrize("case", ["the content folder", "a folder that is not a build", "a git repository"])
def test_clean_refuses_what_a_build_did_not_write(tmp_path, site, case):
    make, _, words = REFUSED[case]
    target = make(tmp_path, site[0])
    before = tree(tmp_path)
    result = clean(target, site[0])
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert words in line and "refusing to remove it" in line and str(target) in line
    assert tree(tmp_path) == before


RAW = REPO / "tests" / "data" / "importer" / "raw" / "antara-2023-10-02-whoosh.txt"


def test_import_into_a_file_is_one_line(tmp_path, site):
    target = _file(tmp_path, site[0])
    before = tree(tmp_path)
    result = invoke("import", str(RAW), "--dest", str(target / "articles"))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{target}: is a file, not a folder (give --dest a folder)"
    assert "Traceback" not in result.stderr
    assert tree(tmp_path) == before


def test_import_into_an_unreadable_folder_is_one_line(tmp_path):
    locked = tmp_path / "inbox"
    locked.mkdir()
    locked.chmod(0)
    try:
        result = subprocess.run([*unprivileged(locked), str(Path(sys.executable).parent / "invoke"), "import",
                                 str(RAW), "--dest", str(locked)], cwd=REPO, capture_output=True, text=True,
                                timeout=120)
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == f"{locked}: cannot read and write this folder (permission denied)"
    assert "Traceback" not in result.stderr
    assert list(locked.iterdir()) == []


def test_import_into_the_built_site_is_refused(site):
    output = site[1]
    before = tree(output)
    result = invoke("import", str(RAW), "--dest", str(output / "articles"))
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith(f"{output / 'articles'}: is inside the built site {output}")
    assert tree(output) == before


# --- interrupted builds -----------------------------------------------------------------------------

@pytest.mark.parametrize("at", ["initialized", "content_written:3", "finalized"])
def test_kill_9_leaves_the_output_and_the_next_build_clears_the_leftovers(tmp_path, site, expected, at):
    content, output = site
    before = tree(output)
    conf = hooked_conf(tmp_path)
    killed = build(content, output, "--conf", str(conf), env=fault(at, "SIGKILL"))
    assert killed.returncode == -signal.SIGKILL
    assert tree(output) == before
    left = [name for name in siblings(output) if ".building-" in name]
    assert len(left) == 1  # what kill -9 could not clean: the half-built folder
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert f"removed {tmp_path / left[0]}, left by an interrupted build" in result.stderr
    assert siblings(output) == []
    assert tree(output) == expected


@pytest.mark.parametrize("name", ["SIGINT", "SIGTERM", "SIGHUP"])
def test_a_stop_signal_is_one_line_and_leaves_nothing(tmp_path, site, name):
    content, output = site
    change(content)
    before = tree(tmp_path / "output")
    result = build(content, output, "--conf", str(hooked_conf(tmp_path)), env=fault("content_written:2", name))
    number = getattr(signal, name)
    assert result.returncode == 128 + number
    assert one_line(result.stderr) == f"interrupted, {output} left as it was"
    assert tree(output) == before
    assert siblings(output) == []


@pytest.mark.parametrize("delay", [0.3, 0.9, 1.6])
def test_kill_9_at_any_moment_leaves_the_old_site_or_the_new_one(tmp_path, site, expected, delay):
    """Wherever the kill lands (lint, Pelican, the swap, after), output/ is one whole site."""
    content, output = site
    before = tree(output)
    running = subprocess.Popen([*BUILD, "--content", str(content), "--output", str(output)], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    running.send_signal(signal.SIGKILL)
    running.wait(timeout=60)
    assert tree(output) in (before, expected)
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert siblings(output) == [] and tree(output) == expected


def test_a_killed_build_s_workers_die_with_it_and_hold_no_lock(tmp_path):
    """A build killed while its workers run (reading, analysing, rendering): the next build may start at once, and
    no worker goes on writing into the folder that next build removes."""
    output, pids = tmp_path / "output", tmp_path / "pids"
    pids.mkdir()
    script = f"""
import os, signal, time
from pathlib import Path
from warta_build.forked import forked_map
from warta_build.swap import locked
def work(number):
    Path({str(pids)!r}, str(os.getpid())).touch()
    if number == 0:
        time.sleep(0.5)  # every worker has started
        os.kill(os.getppid(), signal.SIGKILL)
    time.sleep(30)
with locked(Path({str(output)!r})):
    forked_map(2)(work, range(8))
"""
    killed = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    lock = open(tmp_path / ".output.lock", "a+b")  # the build's lock, free at once
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    lock.close()
    workers = [int(path.name) for path in pids.iterdir()]
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers)


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False


def test_leftovers_are_removed_only_when_they_are_ours(tmp_path, site, prebuilt):
    content, output = site
    shutil.copytree(prebuilt, tmp_path / ".output.building-k9x")        # killed after the exchange
    partial = tmp_path / ".output.old-3fa"                                 # killed while removing
    (partial / "2023").mkdir(parents=True)
    (partial / MARKER).write_text("x")
    (tmp_path / ".output.building-empty").mkdir()                          # killed right after mkdtemp
    stranger = tmp_path / ".output.building-notes"                         # someone else's folder
    stranger.mkdir()
    (stranger / "notes.txt").write_text("mine\n")
    elsewhere = tmp_path / "elsewhere"
    shutil.copytree(prebuilt, elsewhere)
    (tmp_path / ".output.old-link").symlink_to(elsewhere, target_is_directory=True)
    kept = tree(stranger), tree(elsewhere)
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert siblings(output) == [".output.building-notes", ".output.old-link"]
    assert (tree(stranger), tree(elsewhere)) == kept
    for name in (".output.building-k9x", ".output.old-3fa", ".output.building-empty"):
        assert f"removed {tmp_path / name}, left by an interrupted build" in result.stderr


# --- concurrent builds --------------------------------------------------------------------------

def test_a_second_build_into_the_same_output_waits_its_turn(tmp_path, site, expected):
    content, output = site
    before = tree(output)
    flag = tmp_path / "flag"
    first = subprocess.Popen([*BUILD, "--content", str(content), "--output", str(output),
                              "--conf", str(hooked_conf(tmp_path))], cwd=REPO,
                             env={**os.environ, **fault("finalized", f"wait:{flag}")},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 240
        while not flag.with_suffix(".ready").exists():
            assert first.poll() is None, first.stderr.read()
            assert time.monotonic() < deadline, "the first build never reached its end"
            time.sleep(0.05)
        second = build(content, output)
        assert second.returncode == 1
        assert one_line(second.stderr).startswith(f"{output}: another build is running into this folder")
        assert tree(output) == before
    finally:
        flag.with_suffix(".go").touch()
        first.wait(timeout=120)
    assert first.returncode == 0, first.stderr.read()
    assert tree(output) == expected and siblings(output) == []


def test_a_lock_held_elsewhere_stops_the_build_before_it_writes(tmp_path, site):
    content, output = site
    with open(tmp_path / ".output.lock", "a+b") as held:
        fcntl.flock(held, fcntl.LOCK_EX | fcntl.LOCK_NB)
        before = tree(tmp_path)
        result = build(content, output)
    assert result.returncode == 1
    assert "another build is running" in one_line(result.stderr)
    assert tree(tmp_path) == before


def test_simultaneous_builds_leave_one_whole_site(tmp_path, site, expected):
    content, output = site
    runs = [subprocess.Popen([*BUILD, "--content", str(content), "--output", str(output)], cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) for _ in range(3)]
    results = [(run.wait(timeout=300), run.stderr.read()) for run in runs]
    assert any(code == 0 for code, _ in results)
    for code, stderr in results:
        assert code == 0 or (code == 1 and "another build is running" in one_line(stderr)), stderr
    assert tree(output) == expected and siblings(output) == []


# --- permissions and full disks ----------------------------------------------------------------------

def test_a_read_only_parent_is_one_line_and_nothing_changes(tmp_path, prebuilt):
    parent = tmp_path / "public"
    output = parent / "output"
    shutil.copytree(prebuilt, output)
    content = new_site(tmp_path)
    before = tree(parent)
    parent.chmod(0o555)
    try:
        result = build(content, output, prefix=unprivileged(parent))
    finally:
        parent.chmod(0o755)
    assert result.returncode == 1
    assert one_line(result.stderr) == (f"{parent}: cannot write in this folder (Permission denied): "
                                       f"refusing to build; {output} left as it was")
    assert tree(parent) == before


def test_a_read_only_folder_inside_the_output_is_one_line_and_nothing_changes(tmp_path, site):
    content, output = site
    change(content)
    before = tree(tmp_path / "output")
    (output / "2023").chmod(0o555)
    try:
        result = build(content, output, prefix=unprivileged(output / "2023"))
    finally:
        (output / "2023").chmod(0o755)
    assert result.returncode == 1
    assert one_line(result.stderr) == (f"{output / '2023'}: cannot be replaced (read-only folder): "
                                       f"refusing to build; {output} left as it was")
    assert tree(output) == before and siblings(output) == []


DISK_FULL = r"""
import json, os, shutil, subprocess, sys
from pathlib import Path
from tests.reliability.build_faults import BUILD, siblings, tree
disk, previous, content = (Path(a) for a in sys.argv[1:4])
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(disk)], check=True)
output = disk / "output"
shutil.copytree(previous, output)
stat = os.statvfs(disk)
(disk / "filler").write_bytes(bytes(stat.f_bavail * stat.f_frsize - 24 * 1024))  # leave less than a build needs
before = tree(output)
result = subprocess.run([*BUILD, "--content", str(content), "--output", str(output)], capture_output=True, text=True)
print(json.dumps({"code": result.returncode, "stderr": result.stderr, "same": tree(output) == before,
                  "siblings": siblings(output)}))
"""


def test_a_full_disk_is_one_line_and_the_output_stays(tmp_path, site):
    """A real full disk: a 1 MiB tmpfs, mounted in a private user and mount namespace (no root needed)."""
    content, output = site
    change(content)
    disk = tmp_path / "disk"
    disk.mkdir()
    run = subprocess.run(["unshare", "--user", "--map-root-user", "--mount", sys.executable, "-c", DISK_FULL,
                          str(disk), str(output), str(content)], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["code"] == 1
    assert "No space left on device" in found["stderr"] and "Traceback" not in found["stderr"]
    assert re.search(rf"^(error: .*|){re.escape(str(disk / 'output'))}/\S+", found["stderr"], re.M)
    assert found["same"] and found["siblings"] == []


def test_a_file_size_limit_is_one_line_and_the_output_stays(site):
    """A write that fails half-way (RLIMIT_FSIZE: EFBIG), where Pelican itself would only warn."""
    content, output = site
    change(content)
    before = tree(output)

    def small_files():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (2500, 2500))  # pages are larger, the cache smaller

    result = build(content, output, preexec_fn=small_files)
    assert result.returncode == 1
    assert "File too large" in result.stderr and "Traceback" not in result.stderr
    assert f"{output}/" in result.stderr
    assert tree(output) == before and siblings(output) == []


# --- unexpected errors ---------------------------------------------------------------------------------

@pytest.fixture()
def broken_theme(tmp_path) -> Path:
    """Settings with a theme whose article template reads an attribute no article has."""
    theme = tmp_path / "theme"
    shutil.copytree(REPO / "theme", theme)
    template = theme / "templates" / "article.html"
    text = template.read_text()
    assert "{{ article.title }}</h1>" in text
    template.write_text(text.replace("{{ article.title }}</h1>", "{{ article.missing.title }}</h1>"))
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\nTHEME = {str(theme)!r}\n")
    return conf


@pytest.mark.parametrize("jobs", ["1", "2"])  # with 2, the page fails in a worker first: see IncrementalWriter.flush
def test_a_template_error_names_the_article_and_the_template(site, broken_theme, jobs):
    content, output = site
    before = tree(output)
    result = build(content, output, "--conf", str(broken_theme), "--jobs", jobs)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert re.match(rf"{re.escape(str(content))}/articles/2023/09/[a-z-]+\.md: error: UndefinedError: ", line), line
    assert re.search(r"\(in \S+/templates/article\.html:\d+\)", line)
    assert line.endswith(f"{output} left as it was (--debug shows the traceback)")
    assert tree(output) == before and siblings(output) == []


def test_debug_shows_the_traceback(site, broken_theme):
    content, output = site
    result = build(content, output, "--conf", str(broken_theme), "--debug")
    assert result.returncode == 1
    assert "Traceback (most recent call last)" in result.stderr
    assert "UndefinedError" in result.stderr.splitlines()[-1]


def test_an_exception_in_a_plugin_names_the_article_being_written(tmp_path, site):
    content, output = site
    before = tree(output)
    result = build(content, output, "--conf", str(hooked_conf(tmp_path)),
                   env=fault("article_generator_write_article", "raise"))
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert re.match(rf"{re.escape(str(content))}/articles/2023/09/[a-z-]+\.md: error: RuntimeError: "
                    "fault injected by the test;", line), line
    assert tree(output) == before and siblings(output) == []


def test_an_error_while_checking_content_names_the_file(site):
    """A folder named like an article: whether the check reports it or it fails, the line names it."""
    content, output = site
    (content / "articles" / "2023" / "09" / "folder.md").mkdir()
    before = tree(output)
    result = build(content, output)
    assert result.returncode == 1
    assert f"{content}/articles/2023/09/folder.md" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree(output) == before and siblings(output) == []
