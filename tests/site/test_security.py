"""Hostile text in content, registry and stories is escaped wherever it lands."""

import json
import shutil

import feedparser
from lxml import etree, html

from tests.conftest import REPO, run_build

EVIL = '"><img src=x onerror=alert(1)><script>alert(2)</script>'


def test_hostile_text_is_escaped_everywhere(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "data" / "site", content)
    (content / "entities").mkdir()
    (content / "entities" / "people.yml").write_text(
        "- id: kim-jong-un\n  name: Kim Jong Un\n  type: person\n"
        f"  description: {json.dumps(EVIL)}\n  aliases: [{json.dumps('Kim ' + EVIL)}]\n", encoding="utf-8")
    (content / "stories").mkdir()
    (content / "stories" / "jahat.yml").write_text(f"title: {json.dumps(EVIL)}\nsummary: {json.dumps(EVIL)}\n"
                                                   "entities: [kim-jong-un]\n", encoding="utf-8")
    (content / "articles" / "jahat.md").write_text(
        f"---\ntitle: {json.dumps('Kim Jong Un ' + EVIL)}\ndate: 2023-09-20T10:00:00+07:00\n"
        f"summary: {json.dumps(EVIL)}\ncategory: {json.dumps('Kat ' + EVIL)}\ntags: [{json.dumps(EVIL)}]\n"
        f"story: jahat\nsource: {{name: {json.dumps(EVIL)}, url: 'https://example.org/a?b=\"c\"'}}\n"
        f"image: {{url: 'https://example.org/x.jpg', caption: {json.dumps(EVIL)}, credit: {json.dumps(EVIL)}}}\n"
        f"dateline: {{city: {json.dumps(EVIL)}}}\nauthors: [{json.dumps(EVIL)}]\n---\n"
        "Kim Jong Un bertemu Putin pada Rabu (13/9/2023).\n", encoding="utf-8")
    output = tmp_path / "output"
    result = run_build(content, output)
    assert result.returncode == 0, result.stderr

    pages = sorted(output.rglob("*.html"))
    assert len(pages) > 10
    for page in pages:
        doc = html.fromstring(page.read_bytes())
        for script in doc.xpath("//script"):
            if script.get("src"):  # only our own search script, as a file
                assert script.get("src").endswith("/theme/js/search.js") and not (script.text or "").strip(), page
                continue
            assert script.get("type") == "application/ld+json", page
            json.loads(script.text)
        assert not doc.xpath("//img[@onerror] | //*[@*[starts-with(name(), 'on')]]"), page
    for path in list(output.rglob("*.xml")):
        etree.parse(str(path))
        assert not feedparser.parse(str(path)).bozo, path
    for path in list(output.rglob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))
    # every path stays inside the output folder
    assert all(output in p.resolve().parents for p in output.rglob("*"))
