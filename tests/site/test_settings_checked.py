"""Settings read back from real builds: every URL follows WARTA_URLS; bad settings stop `pelican` and our build."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from lxml import etree, html

from tests.conftest import REPO, run_build

FIXTURE = REPO / "tests" / "data" / "feeds"
ATOM = "{http://www.w3.org/2005/Atom}"


def conf_file(tmp_path: Path, body: str) -> Path:
    conf = tmp_path / "conf.py"
    conf.write_text(f"import sys\nsys.path.insert(0, {str(REPO)!r})\nfrom pelicanconf import *\n{body}")
    return conf


def test_moving_entity_and_story_pages_moves_their_feeds_timelines_and_links(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    conf = conf_file(tmp_path, "WARTA_URLS = {'entity': 'tokoh/{id}/', 'story': 'kisah/{slug}/', 'api': 'data/'}\n")
    output = tmp_path / "output"
    result = run_build(content, output, "--conf", str(conf))
    assert result.returncode == 0, result.stderr
    for name in ("index.html", "rss.xml", "atom.xml", "timeline.json"):
        assert (output / "tokoh/kim-jong-un" / name).is_file(), name
        assert (output / "kisah/korut-rusia" / name).is_file(), name
    assert not (output / "entitas/kim-jong-un").exists() and not (output / "cerita/korut-rusia").exists()
    assert (output / "entitas/index.html").is_file()  # the index keeps its own setting
    entities = json.loads((output / "data/entities.json").read_text(encoding="utf-8"))["entities"]
    assert {e["url"] for e in entities if e["id"] == "kim-jong-un"} == {"/tokoh/kim-jong-un/"}
    feed = etree.parse(str(output / "tokoh/kim-jong-un/atom.xml")).getroot()
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "http://localhost:8000/tokoh/kim-jong-un/atom.xml"
    article = html.fromstring((output / "2023/09/kim-putin-bertemu/index.html").read_bytes())
    hrefs = article.xpath("//a/@href")
    assert any(h.endswith("tokoh/kim-jong-un/") for h in hrefs)
    assert any(h.endswith("kisah/korut-rusia/") for h in hrefs)
    assert not any("entitas/kim-jong-un" in h or "cerita/korut-rusia" in h for h in hrefs)
    entity_page = html.fromstring((output / "tokoh/kim-jong-un/index.html").read_bytes())
    assert entity_page.xpath("//link[@type='application/atom+xml']/@href")[0].endswith("tokoh/kim-jong-un/atom.xml")


def test_plain_pelican_reports_every_bad_setting_at_its_line(tmp_path):
    conf = conf_file(tmp_path, "WARTA_URLS = {\n    'entty': 'x/{id}/',\n}\nWARTA_TIMELINE_LIMIT = 'lots'\n")
    output = tmp_path / "output"
    result = subprocess.run([sys.executable, "-m", "pelican", str(FIXTURE), "-s", str(conf), "-o", str(output)],
                            cwd=tmp_path, capture_output=True, text=True, timeout=600,
                            env={**os.environ, "COLUMNS": "1000"})  # Pelican's console must not wrap lines
    text = result.stdout + result.stderr
    assert result.returncode != 0
    assert "conf.py:5: WARTA_URLS.entty: unknown setting (did you mean 'entity'?)" in text
    assert "conf.py:7: WARTA_TIMELINE_LIMIT: must be a whole number, got str 'lots'" in text
    assert not output.exists()


def test_check_reports_settings_problems_too(tmp_path):
    conf = conf_file(tmp_path, "WARTA_ENTITIES = {'related_limt': 3}\n")
    result = subprocess.run([sys.executable, "-c", "import sys; from warta_build import lint; "
                             "[print(p) for p in lint(sys.argv[1], sys.argv[2])]", str(FIXTURE), str(conf)],
                            cwd=REPO, capture_output=True, text=True, timeout=600)
    assert f"{conf}:4: WARTA_ENTITIES.related_limt: unknown setting (did you mean 'related_limit'?)" in result.stdout


def test_timezone_governs_naive_front_matter_dates(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(REPO / "tests" / "data" / "site", content)
    article = content / "articles/2023/09/summit-english.md"
    article.write_text(article.read_text(encoding="utf-8").replace("2023-09-05T09:00:00+07:00", "2023-09-05 09:00"),
                       encoding="utf-8")
    output = tmp_path / "output"
    result = run_build(content, output, "--conf", str(conf_file(tmp_path, "TIMEZONE = 'Asia/Jayapura'\n")))
    assert result.returncode == 0, result.stderr
    page = html.fromstring((output / "2023/09/summit-english/index.html").read_bytes())
    assert page.xpath("string(//p[@class='byline']/time/@datetime)") == "2023-09-05T09:00:00+09:00"
