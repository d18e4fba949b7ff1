"""`invoke check` warns (file and line, exit 0) when a weekday and the date written with it disagree."""

import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from warta.temporal.lint import weekday_warnings

REPO = Path(__file__).resolve().parents[2]
ARTICLE = """---
title: Rapat evaluasi
date: 2023-05-22T10:00:00+07:00
lang: id
category: Nasional
---
Rapat pertama digelar Jumat (19/5) di Balai Kota.

Rapat kedua digelar Kamis (18/5/2023) dan rapat ketiga Kamis (19/5) sore.
"""


def test_weekday_warnings_name_the_line_and_both_days():
    body = ARTICLE.split("---\n", 2)[2]
    warnings = weekday_warnings("articles/rapat.md", ARTICLE, body, "id",
                                datetime(2023, 5, 22, 10, tzinfo=ZoneInfo("Asia/Jakarta")))
    assert [str(w) for w in warnings] == [
        "articles/rapat.md:9: warning: 'Kamis (19/5)': 2023-05-19 is a Jumat, not a Kamis (correct the weekday or the date)"]


def test_invoke_check_prints_the_warning_and_succeeds(tmp_path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "rapat.md").write_text(ARTICLE, encoding="utf-8")
    result = subprocess.run([str(Path(sys.executable).parent / "invoke"), "check", "--content", str(content)],
                            cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = [line for line in result.stdout.splitlines() if "warning:" in line]
    assert len(lines) == 1 and lines[0].endswith("rapat.md:9: warning: 'Kamis (19/5)': 2023-05-19 is a Jumat, "
                                                 "not a Kamis (correct the weekday or the date)")
    assert "content is valid" in result.stdout
