"""`invoke bench`: Warta against plain Pelican on one generated corpus, alternating, in one run.

Each build runs in its own process so peak memory (ru_maxrss) is that build's alone.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from warta_build.corpus import article

REPO = Path(__file__).resolve().parents[2]

WARTA = """
import json, resource, sys, time
sys.path.insert(0, {plugins!r})
from warta_build import build
import warta_enrich, warta_feeds.generator, warta_pages.generator, warta_site, warta_site.generator
parts = {{}}
def timed(owner, name, key):
    original = getattr(owner, name)
    def wrapper(*args, **kwargs):
        began = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            parts[key] = parts.get(key, 0.0) + time.perf_counter() - began
    setattr(owner, name, wrapper)
timed(warta_enrich, "enrich_articles", "enrich")
timed(warta_pages.generator.WartaPagesGenerator, "generate_output", "pages")
timed(warta_feeds.generator.FeedsGenerator, "generate_output", "feeds")
timed(warta_site.generator.WartaSiteGenerator, "generate_output", "editions_sitemaps")
timed(warta_site, "index_site", "search_index")  # register() connects the package's name
start = time.perf_counter()
code = build({content!r}, {output!r}, overrides={{"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": {cache!r}}}, stream=open("/dev/null", "w"), jobs={jobs!r})
print(json.dumps({{"seconds": time.perf_counter() - start, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "children_rss": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, "code": code, "parts": parts}}))
"""

PLAIN = """
import json, logging, resource, time
from pelican import Pelican
from pelican.settings import read_settings
logging.disable(logging.WARNING)
settings = read_settings(override={{"PATH": {content!r}, "OUTPUT_PATH": {output!r}, "CACHE_PATH": {cache!r},
    "PLUGINS": ["pelican.plugins.yaml_metadata"], "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
    "TIMEZONE": "Asia/Jakarta", "SITEURL": "", "IGNORE_FILES": [".*", "*.yml"], "ARTICLE_PATHS": ["articles"],
    "PAGE_PATHS": ["pages"]}})
start = time.perf_counter()
Pelican(settings).run()
print(json.dumps({{"seconds": time.perf_counter() - start, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "code": 0}}))
"""


def write_corpus(folder: Path, count: int, entities: int = 1000) -> None:
    """``count`` generated articles and a registry of the names they use plus ``entities`` made-up people."""
    import yaml

    from .components import big_registry

    registry = big_registry(2 * entities)
    entries = [{"id": e.id, "name": e.name, "type": e.type, "aliases": list(e.aliases)}
               for e in registry.entities.values()]
    (folder / "entities").mkdir(parents=True, exist_ok=True)
    (folder / "entities" / "bench.yml").write_text(yaml.safe_dump(entries, allow_unicode=True), encoding="utf-8")
    for index in range(count):
        relative, text = article(index)
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def measure(script: str, **paths: str) -> dict:
    """Run one build in a fresh interpreter; ru_maxrss there is that build's peak (exec keeps the
    parent's high-water mark, so this process must stay small)."""
    result = subprocess.run([sys.executable, "-c", script.format(plugins=str(REPO / "plugins"), **paths)],
                            capture_output=True, text=True, cwd=REPO)
    if result.returncode != 0:
        raise SystemExit(f"benchmark build failed:\n{result.stderr[-2000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main(count: int, runs: int = 1, part: str = "all", jobs: int | None = None, phases=None) -> dict:
    """``part``: "site" (Warta against plain Pelican), "core" (enrichment steps), or "all"; ``jobs``: Warta's
    (None: one per core); ``phases``: which of :data:`PHASES` Warta goes through, in that order."""
    report = {}
    if part in ("site", "all"):  # first: a child's peak memory would include this process's if it grew
        report["site"] = site(count, runs, jobs, phases or PHASES)
    if part in ("core", "all"):
        from .components import aggregation, entities_and_time, linking

        report["core"] = {"entities_and_time": entities_and_time(max(count, 5000)),
                          "aggregation": aggregation((5000, 20000)), "linking": linking(count)}
        print(json.dumps(report["core"], indent=2), flush=True)
    return report


PHASES = ("cold", "unchanged", "edit", "add", "alias")  # Warta: one output folder, rebuilt after each change


def site(count: int, runs: int = 1, jobs: int | None = None, phases=PHASES) -> dict:
    """Plain Pelican cold and warm, then Warta cold and rebuilt (no change, one sentence edited, one article
    added, one registry alias changed) into the same output, as an editor's day would."""
    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        content = work / "content"
        write_corpus(content, count)
        samples: dict[str, list[dict]] = {}
        for run in range(runs):
            for name in ("plain", "warta"):
                cache, output = work / f"cache-{name}", work / f"out-{name}"
                shutil.rmtree(cache, ignore_errors=True)
                shutil.rmtree(output, ignore_errors=True)
                for phase in (("cold", "warm") if name == "plain" else phases):
                    change(content, phase, count + run)
                    if name == "plain":
                        shutil.rmtree(output, ignore_errors=True)
                    sample = measure(WARTA if name == "warta" else PLAIN, content=str(content), output=str(output),
                                     cache=str(cache), jobs=jobs)
                    if sample["code"]:
                        raise SystemExit(f"warta build of the generated corpus failed (exit {sample['code']})")
                    pages = [p for p in output.rglob("*.html")]
                    if len(pages) < count:  # one page per article at least, or the builds are not comparable
                        raise SystemExit(f"{name} {phase}: {len(pages)} pages for {count} articles")
                    sample["html_pages"] = len(pages)
                    sample["output_mb"] = _megabytes(output)
                    if name == "warta" and phase == "cold":
                        sample["folders_mb"] = {f: round(_megabytes(output / f), 1) for f in READER_FOLDERS}
                    samples.setdefault(f"{name}-{phase}", []).append(sample)
        report = {**_report(samples, count), "jobs": jobs or "one per core"}
        print(json.dumps(report, indent=2))
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


READER_FOLDERS = ("pagefind", "edisi", "sitemaps")  # the search index, daily editions, sitemaps


def _megabytes(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def change(content: Path, phase: str, index: int) -> None:
    """The edit before a Warta rebuild: one sentence, one new article, or one alias more in the registry."""
    if phase == "edit":
        path = content / article(0)[0]
        text = path.read_text(encoding="utf-8")
        head, _, rest = text.rpartition("\n\n")
        path.write_text(f"{head}\n\nSatu kalimat diubah. {rest}", encoding="utf-8")
    elif phase == "add":
        relative, text = article(index)
        (content / relative).parent.mkdir(parents=True, exist_ok=True)
        (content / relative).write_text(text, encoding="utf-8")
    elif phase == "alias":
        path = content / "entities" / "bench.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("aliases: []", "aliases: [Tokoh Contoh]", 1),
                        encoding="utf-8")


def _report(samples: dict, count: int) -> dict:
    report = {"articles": count}
    for key, values in sorted(samples.items()):
        seconds = statistics.median(v["seconds"] for v in values)
        report[key] = {"seconds": round(seconds, 2), "ms_per_article": round(seconds * 1000 / count, 3),
                       "peak_rss_mb": round(max(v["rss"] for v in values) / 1024, 1),
                       **({"children_peak_rss_mb": round(max(v["children_rss"] for v in values) / 1024, 1)}
                          if "children_rss" in values[0] else {}),
                       "html_pages": values[0]["html_pages"], "output_mb": round(values[0]["output_mb"], 1)}
        if "folders_mb" in values[0]:
            report[key]["folders_mb"] = values[0]["folders_mb"]
        if "parts" in values[0]:
            for part in sorted(values[0]["parts"]):
                share = statistics.median(v["parts"][part] for v in values) / seconds
                report[key][f"{part}_share"] = round(share, 3)
    plain = report["plain-cold"]
    report["ratios to plain cold (targets: cold 1.0, edit/add/alias 0.2, unchanged 0.1, memory 1.5, bytes 2.0)"] = {
        **{phase: round(report[f"warta-{phase}"]["seconds"] / plain["seconds"], 2) for phase in PHASES
           if f"warta-{phase}" in report},
        "cold_vs_plain_warm": round(report["warta-cold"]["seconds"] / report["plain-warm"]["seconds"], 2),
        "memory": round(report["warta-cold"]["peak_rss_mb"] / plain["peak_rss_mb"], 2),
        "output_bytes": round(report["warta-cold"]["output_mb"] / plain["output_mb"], 2)}
    return report
