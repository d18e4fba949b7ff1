"""Whatever the build refuses, `invoke check` refuses first, with the same `path:line: message` lines.

Every case runs the real `invoke check` and a real build (`python -m warta_build`), each in its own
process, over a copy of a small site whose previous output must come through byte-identical.
Permission cases run both subject to file permissions (as root, without the capabilities that override them).
"""

from __future__ import annotations

import json
import os
import pickle
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from lxml import html
from warta.aggregate.cache import FORMAT
from warta_build.unchanged import stamp_path

from tests.conftest import REPO, run_build

FIXTURE = REPO / "tests" / "data" / "site"
PEOPLE = "- id: vladimir-putin\n  name: Vladimir Putin\n  type: person\n"
STORY = "title: Korea Utara dan Rusia\nentities: [vladimir-putin]\n"


def run(args: list[str], limited: bool = False) -> subprocess.CompletedProcess:
    """A subprocess; ``limited``: subject to file permissions like any user. Root keeps its uid (so a clone in
    a private folder stays reachable) but loses the capabilities that let it read what permissions forbid."""
    if limited and os.geteuid() == 0:
        args = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--", *args]
    return subprocess.run(args, cwd=REPO, capture_output=True, text=True, timeout=600)


def check(content: Path, limited: bool = False) -> subprocess.CompletedProcess:
    return run([sys.executable, "-m", "invoke", "check", "--content", str(content)], limited)


def build(content: Path, output: Path, limited: bool = False) -> subprocess.CompletedProcess:
    if not limited:
        return run_build(content, output)
    return run([sys.executable, "-m", "warta_build", "--content", str(content), "--output", str(output)], limited)


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def article(title: str = "Judul", date: str = "2023-09-20T10:00:00+07:00", extra: str = "",
            body: str = "Isi berita.") -> str:
    return f"---\ntitle: {title}\ndate: {date}\n{extra}---\n{body}\n"


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    """The fixture site with a registry and a story, built once."""
    root = tmp_path_factory.mktemp("baseline")
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    write(content / "entities" / "people.yml", PEOPLE)
    write(content / "stories" / "korut-rusia.yml", STORY)
    output = root / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr
    return content, output


@pytest.fixture()
def site(baseline):
    """A copy of the built site in a folder ``nobody`` may enter; returns (content, output)."""
    root = Path(tempfile.mkdtemp(prefix="warta-reliability-"))
    os.chmod(root, 0o755)
    content, output = root / "content", root / "output"
    shutil.copytree(baseline[0], content)
    shutil.copytree(baseline[1], output)
    for folder, dirs, files in os.walk(root):
        for name in dirs + files:
            os.chmod(os.path.join(folder, name), 0o755 if name in dirs else 0o644)
    yield content, output
    shutil.rmtree(root)


# --- the cases: (id, make the fault, the file it names relative to content/, line or None, message) ---

def same_url_names(content):
    shutil.copy(content / "articles/2023/09/summit-english.md", content / "articles/2023/09/Summit English.md")


def long_file_name(content):
    write(content / "articles" / ("berita-" + "a" * 243 + ".md"), article())


def alias_bomb(content):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]
    write(content / "entities" / "bomb.yml", "\n".join(lines) + "\n")


def symlink_out(content):
    secret = content.parent / "secret.md"
    write(secret, article("Rahasia di luar"))
    (content / "articles" / "keluar.md").symlink_to(secret)


def image_link_out(content):
    (content / "images").mkdir()
    (content / "images" / "foto.jpg").symlink_to("/etc/passwd")


def folder_link(content):
    (content / "articles" / "lain").symlink_to(content / "pages")


def fifo(content):
    os.mkfifo(content / "articles" / "pipa.md")


def unreadable_file(content):
    os.chmod(write(content / "articles" / "kunci.md", article()), 0o200)


def unreadable_folder(content):
    folder = content / "articles" / "tertutup"
    write(folder / "a.md", article())
    os.chmod(folder, 0o300)


def unreadable_registry(content):
    os.chmod(content / "entities" / "people.yml", 0o200)


CASES = [
    ("same-url-file-names", same_url_names, "articles/2023/09/summit-english.md", 1,
     "duplicate slug 'summit-english', also used by"),
    ("year-1", lambda c: write(c / "articles/y.md", article(date="0001-01-01T00:00:00+07:00")),
     "articles/y.md", 3, "'date' is in the year 1"),
    ("year-9999", lambda c: write(c / "articles/y.md", article(date="9999-12-31T23:00:00-05:00")),
     "articles/y.md", 3, "'date' is in the year 9999"),
    ("modified-year-1", lambda c: write(c / "articles/y.md", article(extra="modified: 0001-01-01\n")),
     "articles/y.md", 4, "'modified' is in the year 1"),
    ("300-character-tag", lambda c: write(c / "articles/t.md", article(extra=f"tags: [{'a' * 300}]\n")),
     "articles/t.md", 4, "gives a URL slug of 300 characters (at most 200)"),
    ("300-character-slug", lambda c: write(c / "articles/s.md", article(extra=f"slug: {'b' * 300}\n")),
     "articles/s.md", 4, "'slug' gives a URL slug of 300 characters"),
    ("250-character-file-name", long_file_name, "articles/berita-" + "a" * 243 + ".md", 1,
     "gives a URL slug of 250 characters"),
    ("tag-without-letters", lambda c: write(c / "articles/t.md", article(extra="tags: ['!!!']\n")),
     "articles/t.md", 4, "'tags' value '!!!' gives an empty URL slug"),
    ("category-without-letters", lambda c: write(c / "articles/t.md", article(extra="category: '???'\n")),
     "articles/t.md", 4, "'category' gives an empty URL slug"),
    ("page-takes-story-section", lambda c: write(c / "pages/cerita.md", article("Cerita")),
     "pages/cerita.md", 1, "page slug 'cerita' is taken by Warta's own section cerita/"),
    ("page-slug-takes-tag-section", lambda c: write(c / "pages/x.md", article("X", extra="slug: tag\n")),
     "pages/x.md", 4, "page slug 'tag' is taken"),
    ("folder-named-x.md", lambda c: (c / "articles/x.md").mkdir(), "articles/x.md", None,
     "a folder named like a content file ('.md')"),
    ("folder-named-x.yml", lambda c: (c / "stories/x.yml").mkdir(), "stories/x.yml", None,
     "a folder named like a content file ('.yml')"),
    ("article-ending-.MD", lambda c: write(c / "articles/lain.MD", article()), "articles/lain.MD", None,
     "file name ends in '.MD', which Warta does not read"),
    ("registry-named-.yaml", lambda c: write(c / "entities/.yaml", PEOPLE), "entities/.yaml", None,
     "hidden file: Warta does not read files whose names start with '.'"),
    ("hidden-article", lambda c: write(c / "articles/.draf.md", article()), "articles/.draf.md", None,
     "hidden file"),
    ("fifo-article", fifo, "articles/pipa.md", None, "not a regular file"),
    ("registry-alias-bomb", alias_bomb, "entities/bomb.yml", 1, "YAML aliases expand to"),
    ("registry-nested-1000", lambda c: write(c / "entities/deep.yml", "- " + "[" * 1000 + "]" * 1000 + "\n"),
     "entities/deep.yml", 1, "malformed YAML: exceeded maximum nesting depth"),
    ("registry-nested-40", lambda c: write(c / "entities/deep.yml", "- " + "[" * 40 + "]" * 40 + "\n"),
     "entities/deep.yml", 1, "YAML nested more than 32 levels deep"),
    ("registry-recursive-alias", lambda c: write(c / "entities/loop.yml", "- &e [*e]\n"),
     "entities/loop.yml", 1, "YAML alias refers to itself"),
    ("registry-duplicate-key", lambda c: write(c / "entities/dup.yml", PEOPLE.replace("vladimir-putin", "x")
                                                + "  name: Lain\n"),
     "entities/dup.yml", 4, "key 'name' is given twice"),
    ("registry-.yaml-is-read", lambda c: write(c / "entities/places.yaml", "- id: bad id\n"),
     "entities/places.yaml", 1, "id 'bad id' is not a slug"),
    ("story-duplicate-key", lambda c: write(c / "stories/s.yml", "title: A\ntitle: B\n"),
     "stories/s.yml", 2, "key 'title' is given twice"),
    ("story-yml-and-yaml", lambda c: write(c / "stories/korut-rusia.yaml", STORY), "stories/korut-rusia.yml", 1,
     "story 'korut-rusia' is defined twice"),
    ("symlink-to-outside", symlink_out, "articles/keluar.md", None,
     "symbolic link to a place outside the content folder"),
    ("static-symlink-to-outside", image_link_out, "images/foto.jpg", None,
     "symbolic link to a place outside the content folder"),
    ("broken-symlink", lambda c: (c / "articles/hilang.md").symlink_to(c / "nowhere.md"), "articles/hilang.md",
     None, "broken symbolic link"),
    ("folder-symlink", folder_link, "articles/lain", None, "symbolic link to a folder"),
]

UNREADABLE = [
    ("unreadable-article", unreadable_file, "articles/kunci.md", None, "cannot read the file: permission denied"),
    ("unreadable-folder", unreadable_folder, "articles/tertutup", None, "cannot open the folder: permission denied"),
    ("unreadable-registry", unreadable_registry, "entities/people.yml", None,
     "cannot read the file: permission denied"),
]


def assert_refused_alike(content, output, relative, line, message, limited=False):
    before = snapshot(output)
    checked, built = check(content, limited), build(content, output, limited)
    for result in (checked, built):
        assert result.returncode == 1, result.stdout + result.stderr
        assert "Traceback" not in result.stdout + result.stderr
    check_lines = checked.stdout.splitlines()
    build_lines = [x for x in built.stderr.splitlines() if not x.startswith("build failed:")]
    assert check_lines == build_lines
    where = f"{content}/{relative}:{line}: " if line else f"{content}/{relative}: "
    assert any(x.startswith(where) and message in x for x in check_lines), check_lines
    assert all(re.match(rf"{re.escape(str(content))}/\S.*?(:\d+)?: ", x) for x in check_lines), check_lines
    assert built.stderr.splitlines()[-1].startswith("build failed:")
    assert snapshot(output) == before
    return check_lines


@pytest.mark.parametrize("make, relative, line, message", [case[1:] for case in CASES],
                         ids=[case[0] for case in CASES])
def test_check_refuses_what_build_refuses(site, make, relative, line, message):
    content, output = site
    make(content)
    assert_refused_alike(content, output, relative, line, message)


@pytest.mark.parametrize("make, relative, line, message", [case[1:] for case in UNREADABLE],
                         ids=[case[0] for case in UNREADABLE])
def test_unreadable_content_is_refused_alike_under_real_permissions(site, make, relative, line, message):
    content, output = site
    make(content)
    assert run(["cat", str(content / "pages" / "tentang.md")], limited=True).returncode == 0  # the rest is readable
    assert run(["test", "-r", str(content / relative)], limited=True).returncode != 0   # permissions apply
    assert_refused_alike(content, output, relative, line, message, limited=True)


def test_a_link_out_is_never_read(site):
    content, output = site
    secret = write(content.parent / "secret.md", "---\ntitle: [\n---\n")  # would be a YAML error if read
    (content / "articles" / "keluar.md").symlink_to(secret)
    lines = assert_refused_alike(content, output, "articles/keluar.md", None, "symbolic link")
    assert lines == [f"{content}/articles/keluar.md: symbolic link to a place outside the content folder; "
                     "Warta does not follow it (copy the file into the content folder)"]


def test_registry_yaml_suffix_is_read_and_published(site):
    content, output = site
    (content / "entities" / "people.yml").rename(content / "entities" / "people.yaml")
    assert check(content).returncode == 0
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    page = html.fromstring((output / "entitas/vladimir-putin/index.html").read_bytes())
    assert page.xpath("string(//h1)") == "Vladimir Putin"


def test_draft_in_a_story_builds_and_stays_out_of_every_list(site):
    content, output = site
    write(content / "articles/2023/09/terbit.md",
          article("Putin Terbit", "2023-09-15T10:00:00+07:00", "story: korut-rusia\n", "Vladimir Putin berbicara."))
    write(content / "articles/2023/09/rahasia.md",
          article("Draf Xyzzyrahasia", "2023-09-16T10:00:00+07:00",
                  "story: korut-rusia\nstatus: draft\ntags: [tagxyzzy]\ncategory: Kategorixyzzy\n",
                  "Vladimir Putin berkata pada 3 Agustus 2023 bahwa xyzzyisi tetap rahasia."))
    checked = check(content)
    assert checked.returncode == 0, checked.stdout
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    assert not (output / "draf").exists()   # drafts are seen with `invoke preview` only
    leaks = sorted(path for path, data in snapshot(output).items() if re.search(rb"(?i)xyzzy|rahasia", data))
    assert leaks == []
    story = html.fromstring((output / "cerita/korut-rusia/index.html").read_bytes())
    assert "Putin Terbit" in story.text_content()


# --- the analysis cache: data only, a bad one ignored with one warning, the output the same ---

def cache_file(content: Path, output: Path, holding: str) -> Path:
    """The first file of the analysis cache whose text holds ``holding`` (a pattern: ``PUTIN_MATCH``, an analysis's
    match of Vladimir Putin; ``PUTIN``, any entry naming him), or, for ``"links"``, an article's linked HTML."""
    from warta_build import load_settings

    folder = Path(load_settings(content, output, REPO / "pelicanconf.py")["CACHE_PATH"]) / "warta-analysis"
    for file in sorted(folder.glob("*.json")):
        text = file.read_text(encoding="utf-8")
        if (json.loads(text)["links"] if holding == "links" else re.search(holding, text)):
            return file
    raise AssertionError(f"no file of {folder} holds {holding}")


PUTIN = r'\"vladimir-putin\"'  # as an entry holds it: each entry is a JSON text inside its file's JSON
PUTIN_MATCH = r"\[\[(\d+),(\d+)," + re.escape(PUTIN)  # an analysis's match: [[start, end, "vladimir-putin", ...


class _Trap:
    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (Path.touch, (self.marker,))


@pytest.mark.parametrize("kind", ["garbage", "pickle", "foreign-json", "bad-span", "unknown-entity", "deep",
                                  "linked-html"])
def test_a_bad_analysis_cache_is_ignored_with_one_warning(site, kind):
    content, output = site
    write(content / "articles/2023/09/terbit.md", article("Putin Terbit", body="Vladimir Putin berbicara."))
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    before = snapshot(output)
    path = cache_file(content, output, "links" if kind == "linked-html" else PUTIN_MATCH if kind in (
        "bad-span", "unknown-entity") else re.escape(PUTIN))
    good = path.read_text(encoding="utf-8")
    assert f'"format":"{FORMAT}"' in good
    marker = content.parent / "pwned"
    if kind == "garbage":
        path.write_bytes(b"\x80\x04not json at all")
    elif kind == "pickle":
        path.write_bytes(pickle.dumps(_Trap(marker)))
        path.with_suffix(".pickle").write_bytes(pickle.dumps(_Trap(marker)))
    elif kind == "foreign-json":
        path.write_text('{"some": "other tool"}')
    elif kind == "bad-span":
        path.write_text(re.sub(PUTIN_MATCH, lambda _: "[[99999,0," + PUTIN, good))
    elif kind == "unknown-entity":
        path.write_text(good.replace(PUTIN, r'\"tidak-ada\"'))
    elif kind == "linked-html":  # an article's HTML with its first mentions linked, as something else
        data = json.loads(good)
        path.write_text(json.dumps({**data, "links": {key: ["<script>"] for key in data["links"]}}))
    else:
        path.write_text("[" * 100_000 + "]" * 100_000)
    assert path.read_text(errors="replace") != good
    stamp_path(path.parent.parent, output).unlink()  # else nothing changed and the build would not read the cache at all
    result = build(content, output)
    assert result.returncode == 0, result.stderr
    warnings = [x for x in result.stderr.splitlines() if "analysis cache ignored" in x]
    assert len(warnings) == 1 and warnings[0].startswith(f"warning: {path}: "), result.stderr
    assert "Traceback" not in result.stderr
    assert not marker.exists()
    assert snapshot(output) == before
    assert path.read_text(encoding="utf-8") == good  # rebuilt

