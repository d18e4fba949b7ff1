"""Tag the labelled articles against the newsroom fixture's registry (a copy of the shipped one); measure
against gold labels."""

from datetime import datetime, timezone
from html import escape
from pathlib import Path

import yaml
from warta.aggregate.enrich import Document, enrich_corpus
from warta.entities.registry import load_registry
from warta.entities.text import article_text

ROOT = Path(__file__).resolve().parents[2]
REGISTRY, PROBLEMS = load_registry(ROOT / "tests" / "data" / "newsroom" / "entities")
LABELLED = yaml.safe_load((ROOT / "tests" / "data" / "entities" / "labelled.yml").read_text(encoding="utf-8"))


def texts():
    for item in LABELLED:
        html = "".join(f"<p>{escape(p)}</p>" for p in item["body"])
        yield item, article_text(item["title"], item["summary"], html)


def test_labelled_set_is_well_formed():
    assert len(LABELLED) >= 12
    assert {item["lang"] for item in LABELLED} == {"id", "en"}
    for item, article in texts():
        words = len(article.text.split())
        assert 80 <= words <= 200, (item["slug"], words)
        missing = [i for i in item["registered"] if i not in REGISTRY.entities]
        assert not missing, f"{item['slug']}: gold ids not in the newsroom registry: {missing}"
        assert not [n for n in item["discovered"] if n not in article.text], item["slug"]


def test_tagging_quality_on_the_labelled_set():
    """Through the build's own enrichment (matching, linking, discovery, tagging)."""
    assert PROBLEMS == []
    published = datetime(2024, 6, 1, tzinfo=timezone.utc)
    documents = [Document(item["slug"], item["title"], item["summary"], "".join(f"<p>{escape(p)}</p>" for p in item["body"]),
                          item["lang"], published) for item in LABELLED]
    hit = predicted = gold = found_hit = found = 0
    errors = []
    for item, result in zip(LABELLED, enrich_corpus(documents, REGISTRY, 0.5)):
        tagged = result.entities
        registered = {t.id for t in tagged if t.registered}
        names = {t.name for t in tagged if not t.registered}
        expected = set(item["registered"])
        hit += len(registered & expected)
        predicted += len(registered)
        gold += len(expected)
        found_hit += len(names & set(item["discovered"]))
        found += len(names)
        if registered != expected or names != set(item["discovered"]):
            errors.append((item["slug"], sorted(registered - expected), sorted(expected - registered),
                           sorted(names - set(item["discovered"]))))
    precision, recall = hit / predicted, hit / gold
    discovered_precision = found_hit / found
    print(f"\nregistered P={precision:.3f} R={recall:.3f} ({hit}/{predicted}, {hit}/{gold}); "
          f"discovered P={discovered_precision:.3f} ({found_hit}/{found})")
    for error in errors:
        print("  %s: extra %s, missed %s, wrong discoveries %s" % error)
    assert precision >= 0.98 and recall >= 0.95, errors
    assert discovered_precision >= 0.80, errors
