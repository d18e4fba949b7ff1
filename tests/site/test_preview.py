"""`invoke preview`: drafts and embargoed articles in their own folder, a banner and noindex on every page,
links between drafts and published pages working, and `invoke publish` refusing the folder."""

import os
import posixpath
import subprocess
import sys
from urllib.parse import urlsplit

import lxml.html
import pytest

from tests.conftest import REPO
from tests.site.test_embargo import DRAFT_URL, EMBARGO_URL, build, content  # noqa: F401 (fixture)


@pytest.fixture(scope="module")
def preview(content, tmp_path_factory):  # noqa: F811
    output = tmp_path_factory.mktemp("preview") / "preview"
    result = build(content, output, "2025-01-02T00:30:00Z", task="preview")
    assert result.returncode == 0, result.stderr
    assert "PRATINJAU / PREVIEW" in result.stdout
    return output


def pages(output):
    return sorted(output.rglob("*.html"))


def test_drafts_and_embargoed_articles_are_in_the_preview_with_their_state(preview):
    draft = lxml.html.parse(str(preview / DRAFT_URL / "index.html")).getroot()
    assert draft.xpath("string(//p[@class='preview-banner'])").strip() == "PRATINJAU / PREVIEW · draf / draft"
    held = lxml.html.parse(str(preview / EMBARGO_URL / "index.html")).getroot()
    assert held.xpath("//p[@class='preview-banner']/time/@datetime") == ["2025-01-02T08:00:00+07:00"]
    story = (preview / "cerita/pemilu-2024/index.html").read_text()
    assert "Draf Catatan Redaksi Soal Pemilu" in story


def test_every_page_has_the_banner_and_noindex(preview):
    assert len(pages(preview)) > 200
    for path in pages(preview):
        doc = lxml.html.parse(str(path)).getroot()
        assert doc.xpath("//meta[@name='robots']/@content") == ["noindex, nofollow"], path
        assert doc.xpath("string(//p[@class='preview-banner'])").startswith("PRATINJAU / PREVIEW"), path


def test_links_between_drafts_and_published_pages_work(preview):
    broken = []
    for path in pages(preview):
        doc = lxml.html.parse(str(path)).getroot()
        for href in doc.xpath("//a/@href | //link[@rel='stylesheet']/@href"):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path or href.startswith("#"):
                continue
            folder = posixpath.dirname(path.relative_to(preview).as_posix())
            target = preview / posixpath.normpath(posixpath.join(folder, parts.path) if not parts.path.startswith("/")
                                                  else parts.path.lstrip("/"))
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{path.relative_to(preview)} -> {href}")
    assert broken == []
    draft = (preview / DRAFT_URL / "index.html").read_text()
    assert 'href="../../../cerita/pemilu-2024/"' in draft


def test_publish_refuses_a_preview_folder(preview):
    result = subprocess.run([sys.executable, "-c", "import sys; from pathlib import Path; "
                             "from warta_build.deploy import deploy; sys.exit(deploy(Path(sys.argv[1]), {}))",
                             str(preview)], cwd=REPO, capture_output=True, text=True, env=os.environ)
    assert result.returncode == 1
    assert "this is a preview build" in result.stderr
