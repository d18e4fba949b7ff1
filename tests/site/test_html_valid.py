"""Every built page passes the Nu HTML Checker (npm vnu-jar, run with the machine's Java), and the page weight
rules hold: one small stylesheet, lazy images, no third-party resources in any page."""

import json
import subprocess
from pathlib import Path

import pytest
from lxml import html

from tests.conftest import VNU


@pytest.fixture(scope="module")
def output(reader_site) -> Path:
    return reader_site


def test_every_page_passes_the_nu_html_checker(output):
    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 30
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [(m["url"].rsplit(str(output), 1)[-1], m.get("lastLine"), m["message"]) for m in messages]
    assert errors == [] and result.returncode == 0, errors


def test_page_weight(output):
    assert (output / "theme" / "css" / "warta.css").stat().st_size < 30_000
    for path in sorted(output.rglob("*.html")):
        doc = html.fromstring(path.read_bytes())
        for img in doc.xpath("//img"):
            assert img.get("loading") == "lazy", path
        for url in doc.xpath("//link[@rel='stylesheet']/@href | //script/@src | //img/@src"):
            assert not url.startswith(("http://", "https://", "//")), (path, url)
