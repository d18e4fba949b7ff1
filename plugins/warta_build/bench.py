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
import warta_enrich, warta_feeds.generator, warta_pages.generator
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
start = time.perf_counter()
code = build({content!r}, {output!r}, overrides={{"CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True,
              "CACHE_PATH": {cache!r}}}, stream=open("/dev/null", "w"))
print(json.dumps({{"seconds": time.perf_counter() - start, "rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "code": code, "parts": parts}}))
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


def main(count: int, runs: int = 1, part: str = "all") -> dict:
    """``part``: "site" (Warta against plain Pelican), "core" (enrichment steps), or "all"."""
    report = {}
    if part in ("site", "all"):  # first: a child's peak memory would include this process's if it grew
        report["site"] = site(count, runs)
    if part in ("core", "all"):
        from .components import aggregation, entities_and_time

        report["core"] = {"entities_and_time": entities_and_time(max(count, 5000)),
                          "aggregation": aggregation((5000, 20000))}
        print(json.dumps(report["core"], indent=2), flush=True)
    return report


def site(count: int, runs: int = 1) -> dict:
    work = Path(tempfile.mkdtemp(prefix="warta-bench-"))
    try:
        content = work / "content"
        write_corpus(content, count)
        samples: dict[str, list[dict]] = {}
        for _ in range(runs):
            for name, script in (("warta", WARTA), ("plain", PLAIN)):
                cache = work / f"cache-{name}"
                shutil.rmtree(cache, ignore_errors=True)
                for phase in ("cold", "warm"):
                    output = work / f"out-{name}-{phase}"
                    sample = measure(script, content=str(content), output=str(output), cache=str(cache))
                    if sample["code"]:
                        raise SystemExit(f"warta build of the generated corpus failed (exit {sample['code']})")
                    sample["html_pages"] = sum(1 for _ in output.rglob("*.html"))
                    samples.setdefault(f"{name}-{phase}", []).append(sample)
                    shutil.rmtree(output, ignore_errors=True)
        report = _report(samples, count)
        print(json.dumps(report, indent=2))
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _report(samples: dict, count: int) -> dict:
    report = {"articles": count}
    for key, values in sorted(samples.items()):
        seconds = statistics.median(v["seconds"] for v in values)
        report[key] = {"ms_per_article": round(seconds * 1000 / count, 3),
                       "peak_rss_mb": round(max(v["rss"] for v in values) / 1024, 1),
                       "html_pages": values[0]["html_pages"],
                       "ms_per_page": round(seconds * 1000 / values[0]["html_pages"], 3)}
        if "parts" in values[0]:
            total = statistics.median(v["seconds"] for v in values)
            for part in sorted(values[0]["parts"]):
                share = statistics.median(v["parts"][part] for v in values) / total
                report[key][f"{part}_share"] = round(share, 3)
    for phase in ("cold", "warm"):
        warta, plain = report[f"warta-{phase}"], report[f"plain-{phase}"]
        report[f"ratio-{phase}"] = {"time": round(warta["ms_per_article"] / plain["ms_per_article"], 2),
                                    "memory": round(warta["peak_rss_mb"] / plain["peak_rss_mb"], 2)}
    return report
