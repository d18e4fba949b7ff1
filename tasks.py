"""Warta's front door for editors and developers: `invoke --list` shows every task."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys
from pathlib import Path

from invoke import Exit, task

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))

CONTENT = "content"
OUTPUT = "output"
PORT = 8000


@task(help={"content": "content folder (default: content)", "output": "output folder (default: output)",
            "debug": "show a traceback on unexpected errors",
            "force": "replace a non-empty output folder that is not a Warta build (never content or a repository)",
            "jobs": "processes for reading, per-article analysis and rendering (default: WARTA_JOBS, 0 = one per "
                    "core); same output for any"})
def build(c, content=CONTENT, output=OUTPUT, debug=False, force=False, jobs=None):
    """Build the site: lint everything, then Pelican into a temporary folder swapped in on success."""
    from warta_build import build as run_build, jobs_count

    try:
        jobs = None if jobs is None else jobs_count(jobs)
    except ValueError as error:
        raise Exit(f"--jobs: {error}", code=2) from None
    code = run_build(content, output, debug=debug, force=force, jobs=jobs)
    if code:
        raise Exit(code=code)


@task(help={"content": "content folder (default: content)"})
def check(c, content=CONTENT):
    """Check the settings and all content (front-matter, registry, stories); print every problem as path:line: message."""
    from warta_build import lint

    warnings = []
    problems = lint(content, warnings=warnings)
    for problem in problems + warnings:
        print(problem)
    if problems:
        raise Exit(f"{len(problems)} problem(s)", code=1)
    print("content is valid")


@task(help={"output": "output folder", "content": "content folder (never removed)"})
def clean(c, output=OUTPUT, content=CONTENT):
    """Remove the built site and the preview (only folders a Warta build wrote) and the build caches."""
    from warta_build import clean as clean_output

    code = max(clean_output(output, content), clean_output("preview", content))
    cache = HERE / ".cache"
    if cache.is_dir():
        shutil.rmtree(cache)
        print(f"removed {cache}")
    if code:
        raise Exit(code=code)


@task(help={"port": f"port on localhost (default {PORT})", "output": "output folder"})
def serve(c, port=PORT, output=OUTPUT):
    """Serve the built site on http://localhost:PORT/ (build first)."""
    import http.server

    if not Path(output).is_dir():
        raise Exit(f"{output}/ does not exist: run 'invoke build' first", code=1)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=output)
    with http.server.ThreadingHTTPServer(("127.0.0.1", int(port)), handler) as server:
        print(f"serving {output}/ on http://localhost:{port}/ (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


@task(help={"port": f"port on localhost (default {PORT})", "content": "content folder", "output": "output folder"})
def livereload(c, port=PORT, content=CONTENT, output=OUTPUT):
    """Serve the site and rebuild it whenever content, theme, plugins or settings change."""
    from livereload import Server

    rebuild(content, output)
    server = Server()
    for pattern in (f"{content}/**/*", "theme/**/*", "plugins/**/*.py", "pelicanconf.py"):
        server.watch(pattern, functools.partial(rebuild, content, output))
    server.serve(host="127.0.0.1", port=int(port), root=output)


def rebuild(content=CONTENT, output=OUTPUT, conf=None) -> int:
    """One build in a fresh Python process, so edited plugin code is imported anew (what livereload runs)."""
    command = [sys.executable, "-m", "warta_build", "--content", str(content), "--output", str(output)]
    if conf:
        command += ["--conf", str(conf)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(HERE / "plugins"),
                                                                    os.environ.get("PYTHONPATH")]))}
    return subprocess.run(command, cwd=HERE, env=env).returncode


@task(help={"title": "the article's title", "lang": "id or en", "content": "content folder",
            "force": "overwrite an existing file"})
def new(c, title, lang="id", content=CONTENT, force=False):
    """Scaffold an article with valid front-matter and the current time in Asia/Jakarta."""
    from warta.source.scaffold import new_article

    path, problem = new_article(Path(content), title, lang, force=force)
    if problem:
        raise Exit(str(problem), code=1)
    print(f"created {path}")


@task(help={"deploy": "deploy after building (S3 bucket, rsync or ghp-import, as configured in publishconf.py)",
            "dry_run": "build, then print what would be uploaded and deleted without changing anything",
            "content": "content folder", "output": "output folder"})
def publish(c, deploy=True, dry_run=False, content=CONTENT, output=OUTPUT):
    """Production build with publishconf.py, then send only what changed to the configured target."""
    from warta_build import build as run_build
    from warta_build import load_settings
    from warta_build.deploy import deploy as run_deploy

    conf = HERE / "publishconf.py"
    code = run_build(content, output, conf=conf)
    if code:
        raise Exit(code=code)
    if deploy:
        settings = load_settings(Path(content).resolve(), Path(output).resolve(), conf)
        code = run_deploy(Path(output).resolve(), settings, dry_run=dry_run)
        if code:
            raise Exit(code=code)


@task(help={"content": "content folder", "output": "where the preview goes (default: preview)"})
def preview(c, content=CONTENT, output="preview"):
    """Build the site with drafts and embargoed articles into preview/: a banner on every page, noindex."""
    from warta_build.preview import preview as run_preview

    code = run_preview(content, output)
    if code:
        raise Exit(code=code)
    print(f"preview in {output}/ (PRATINJAU / PREVIEW): open {output}/index.html; never published")


SETTINGS_DOC = HERE / "docs" / "settings.md"
BEGIN, END = "<!-- settings:begin -->", "<!-- settings:end -->"


def write_settings_doc(path: Path = SETTINGS_DOC) -> None:
    """Replace the part of ``path`` between the two markers by the reference generated from the schema."""
    from warta.settings import markdown

    text = path.read_text(encoding="utf-8")
    head, rest = text.split(BEGIN, 1)
    _, tail = rest.split(END, 1)
    path.write_text(f"{head}{BEGIN}\n{markdown()}{END}{tail}", encoding="utf-8")


@task(name="settings-doc")
def settings_doc(c):
    """Regenerate the settings reference in docs/settings.md from plugins/warta/settings.py."""
    write_settings_doc()
    print(f"wrote {SETTINGS_DOC.relative_to(HERE)}")


@task
def i18n(c):
    """Extract the theme's UI strings and update the id/en catalogues (theme/translations)."""
    pybabel = os.path.join(os.path.dirname(sys.executable), "pybabel")
    c.run(f"{pybabel} extract -F babel.cfg -o theme/translations/messages.pot --no-location --sort-output .")
    c.run(f"{pybabel} update -i theme/translations/messages.pot -d theme/translations --ignore-obsolete")


@task
def lock(c):
    """Rewrite requirements.lock from the current virtual environment."""
    c.run(f"{sys.executable} -m pip freeze --exclude-editable > requirements.lock")


@task(help={"articles": "number of generated articles (default 2000)", "runs": "repetitions of each build",
            "part": "site (Warta against plain Pelican), core (entity and time steps, aggregation) or all",
            "jobs": "Warta's --jobs (default: one per core)",
            "phases": "Warta's builds, comma-separated, from cold,unchanged,edit,add,alias (default: all)"})
def bench(c, articles=2000, runs=1, part="all", jobs=None, phases=None):
    """Benchmark Warta against plain Pelican on one generated corpus, and the core steps (docs/performance.md)."""
    from warta_build.bench import PHASES, main as run_bench

    run_bench(int(articles), int(runs), part, None if jobs is None else int(jobs),
              tuple(phases.split(",")) if phases else PHASES)


@task(name="import", iterable=["also"],
      help={"path": "a raw text, saved HTML or RSS/Atom file; a quoted glob such as 'inbox/*.txt' takes many",
            "also": "another file (repeatable)", "dest": "where drafts go (default content/articles)",
            "force": "overwrite existing files",
            "lang": "file the drafts under this language (id or en) whatever the detection says"})
def import_(c, path, also=None, dest=f"{CONTENT}/articles", force=False, lang=None):
    """Turn copied pages, saved HTML pages or source feeds into Markdown drafts (status: draft)."""
    import glob

    from warta.importer import import_paths

    paths = []
    for pattern in [path, *(also or [])]:
        paths += sorted(glob.glob(pattern)) if glob.has_magic(pattern) else [pattern]
    if not paths:
        raise Exit(f"no file matches {path!r}", code=2)
    from warta_build.guard import inside_build

    built = inside_build(Path(dest), Path(OUTPUT))
    if built:
        raise Exit(f"{dest}: is inside the built site {built}, which every build replaces: "
                   f"import into {CONTENT}/articles instead", code=1)
    if lang and lang not in ("id", "en"):
        raise Exit(f"--lang {lang}: the site publishes id and en", code=2)
    result = import_paths([Path(p) for p in paths], Path(dest), force=force,
                          existing_dir=Path(CONTENT) / "articles", lang=lang)
    for report in result.reports:
        for note in report.notes:
            print(f"{report.path}: {note}")
    for item in result.skipped:
        print(f"skipped (already imported): {item}")
    if result.problems:
        for problem in result.problems:
            print(problem, file=sys.stderr)
        raise Exit("nothing written", code=1)
    for path in result.written:
        print(f"wrote {path}")


@task(help={"data": "folder with idner-news-2k's train.txt and dev.txt"})
def train_names(c, data="tests/data/idner-news-2k"):
    """Train the model of names on idner-news-2k train+dev (deterministic) into plugins/warta/entities/models/,
    with the words of the lexicon that are names (models/README.md)."""
    from warta.entities.lexicon import ENGLISH_NAMES, NAME_WORDS, write_english_names
    from warta.entities.name_model import MODEL
    from warta.entities.name_training import train_names as train

    count = train(Path(data), MODEL, words_path=NAME_WORDS)
    print(f"trained on {count} sentences: {MODEL.relative_to(HERE)} ({MODEL.stat().st_size} bytes)")
    print(f"{write_english_names()} English names: {ENGLISH_NAMES.relative_to(HERE)}")


@task(help={"content": "content folder", "limit": "show at most this many suggestions (0: all)",
            "accept": "add this name to the registry (its file by type)", "as_": "the new entry's id",
            "type": "person, organization or place (default: the guess)", "reject": "never offer this name again",
            "review": "the review report (the default): names the registry lacks, then shared names left unlinked",
            "check": "check the registry and list the forms several entries share"})
def entities(c, content=CONTENT, limit=0, accept=None, reject=None, type=None, as_=None, review=False, check=False):
    """Review names the registry lacks and shared names left unlinked; accept or reject a name; check the registry."""
    from warta_build.candidates import decide, report, shared_report

    if sum(map(bool, (accept, reject, check))) > 1:
        raise Exit("use one of --accept, --reject and --check", code=2)
    if check:
        problems, done = shared_report(Path(content))
    elif accept or reject:
        problems, done = decide(Path(content), accept or reject, "accept" if accept else "reject", as_, type)
    else:
        problems, done = report(Path(content), int(limit))
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        raise Exit(code=1)
    print(done)
