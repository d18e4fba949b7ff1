"""Embargoes and drafts in real builds: nothing leaks before its time; a build after the time publishes it."""

import os
import shutil
import subprocess
import sys

import pytest

from tests.conftest import REPO

EMBARGOED = """---
title: Kunjungan Rahasia Kim ke Vladivostok Diumumkan
date: 2025-01-02T08:00
summary: Pengumuman resmi dijadwalkan Kamis pagi.
story: korut-rusia
---
Pemimpin Korea Utara Kim Jong Un akan mengunjungi Vladivostok, Rusia, kata KCNA.
"""
DRAFT = """---
title: Draf Catatan Redaksi Soal Pemilu
date: 2024-03-01T10:00:00+07:00
story: pemilu-2024
status: draft
---
Komisi Pemilihan Umum (KPU) masih menghitung suara. Lihat juga [tentang kami](/tentang/).
"""
EMBARGO_URL = "2025/01/kunjungan-rahasia-kim-ke-vladivostok-diumumkan/"
DRAFT_URL = "2024/03/draf-catatan-redaksi-soal-pemilu/"
SECRETS = ("Kunjungan Rahasia", "kunjungan-rahasia", "Draf Catatan", "draf-catatan")


@pytest.fixture(scope="module")
def content(tmp_path_factory):
    root = tmp_path_factory.mktemp("embargo")
    shutil.copytree(REPO / "content", root / "content")
    (root / "content/articles/2025/01").mkdir(parents=True)
    (root / "content/articles/2025/01/kunjungan-rahasia-kim-ke-vladivostok-diumumkan.md").write_text(EMBARGOED)
    (root / "content/articles/2024/03/draf-catatan-redaksi-soal-pemilu.md").write_text(DRAFT)
    return root / "content"


def build(content, output, now, task="build"):
    env = {**os.environ, "WARTA_NOW": now}
    return subprocess.run([sys.executable, "-m", "invoke", task, "--content", str(content), "--output", str(output)],
                          cwd=REPO, env=env, capture_output=True, text=True, timeout=600)


def leaks(output):
    found = []
    for path in output.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            found += [f"{path.relative_to(output)}: {s}" for s in SECRETS if s.encode() in data]
            found += [f"{path.relative_to(output)}"] if any(s in str(path) for s in SECRETS) else []
    return found


def test_before_its_time_nothing_leaks_anywhere(content, tmp_path):
    output = tmp_path / "output"
    result = build(content, output, "2025-01-02T00:30:00Z")  # 07:30 WIB: half an hour before
    assert result.returncode == 0, result.stderr
    assert "1 embargoed until 2025-01-02T08:00:00+07:00" in result.stdout
    assert leaks(output) == []  # pages, feeds, JSON export, entity, story and timeline pages alike
    for place in ("feeds/atom.xml", "feeds/rss.xml", "api/articles.json", "cerita/korut-rusia/index.html",
                  "cerita/pemilu-2024/index.html", "entitas/kim-jong-un/index.html", "linimasa/index.html"):
        assert (output / place).is_file(), place  # read by leaks() above
    assert (output / "2024/03/kpu-tetapkan-prabowo-gibran-pemenang-pilpres/index.html").exists()
    assert not (output / "draf").exists()


def test_a_build_after_its_time_publishes_it(content, tmp_path):
    output = tmp_path / "output"
    result = build(content, output, "2025-01-02T01:30:00Z")  # 08:30 WIB
    assert result.returncode == 0, result.stderr
    assert "embargoed" not in result.stdout
    assert (output / EMBARGO_URL / "index.html").exists()
    for place in ("feeds/atom.xml", "api/articles.json", "cerita/korut-rusia/index.html",
                  "entitas/kim-jong-un/index.html"):
        assert b"Kunjungan Rahasia" in (output / place).read_bytes(), place
    assert [leak for leak in leaks(output) if "Draf" in leak or "draf" in leak] == []


def test_a_bad_now_is_one_line(content, tmp_path):
    result = build(content, tmp_path / "output", "besok pagi")
    assert result.returncode == 1
    assert "WARTA_NOW: 'WARTA_NOW' is not a valid ISO 8601 date: 'besok pagi'" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_same_folder_built_before_and_after_the_time_publishes_it(content, tmp_path):
    """Pelican's reader cache keeps articles between builds: the embargo is decided again at each build."""
    output = tmp_path / "output"
    before = build(content, output, "2025-01-02T00:59:00Z")  # 07:59 WIB
    assert before.returncode == 0 and "1 embargoed until" in before.stdout, before.stderr
    assert not (output / EMBARGO_URL).exists()
    after = build(content, output, "2025-01-02T01:00:00Z")  # 08:00 WIB: its time
    assert after.returncode == 0 and "embargoed" not in after.stdout, after.stderr
    assert b"Kunjungan Rahasia" in (output / EMBARGO_URL / "index.html").read_bytes()
    assert b"Kunjungan Rahasia" in (output / "feeds/atom.xml").read_bytes()
