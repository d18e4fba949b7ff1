"""Front-matter corrections: validated with lines, sorted, and 'modified' moved to the latest one."""

from datetime import datetime
from zoneinfo import ZoneInfo

from warta.source.frontmatter import parse_article

WIB = ZoneInfo("Asia/Jakarta")
HEAD = "---\ntitle: Banjir di Jakarta\ndate: 2024-03-01T08:00:00+07:00\n"


def parse(extra: str):
    return parse_article("a.md", HEAD + extra + "---\nIsi.\n")


def test_corrections_are_read_sorted_and_move_modified():
    matter, _, problems = parse("corrections:\n"
                                "  - {date: 2024-03-03T09:30:00+07:00, text: Jumlah korban diperbaiki.}\n"
                                "  - date: 2024-03-02T10:00\n    text: Nama lokasi dibetulkan.\n")
    assert problems == []
    assert [(c.date, c.text) for c in matter.corrections] == [
        (datetime(2024, 3, 2, 10, 0, tzinfo=WIB), "Nama lokasi dibetulkan."),
        (datetime(2024, 3, 3, 9, 30, tzinfo=WIB), "Jumlah korban diperbaiki.")]
    assert matter.modified == datetime(2024, 3, 3, 9, 30, tzinfo=WIB)


def test_a_later_modified_is_kept():
    matter, _, _ = parse("modified: 2024-03-05T00:00:00+07:00\n"
                         "corrections: [{date: 2024-03-03T09:30:00+07:00, text: Ejaan.}]\n")
    assert matter.modified == datetime(2024, 3, 5, tzinfo=WIB)


def test_bad_corrections_are_one_line_each():
    cases = {
        "corrections: [{date: 2024-02-28T09:00:00+07:00, text: Terlalu awal.}]\n":
            "a.md:4: correction dated 2024-02-28T09:00:00+07:00 is earlier than the article's 'date'",
        "corrections: Nama dibetulkan\n": "a.md:4: 'corrections' must be a list of {date, text}",
        "corrections:\n  - {date: 2024-03-02}\n": "a.md:5: a correction needs 'text'",
        "corrections:\n  - {date: 2024-03-02, text: x, by: Redaksi}\n": "a.md:5: unknown field 'corrections.by'",
        "corrections:\n  - {date: 2024-03, text: x}\n": "a.md:5: 'corrections.date' is a partial date",
        "corrections:\n  - Nama dibetulkan\n": "a.md:5: each correction must be a mapping with 'date' and 'text'",
    }
    for extra, expected in cases.items():
        matter, _, problems = parse(extra)
        assert matter is None and len(problems) == 1, extra
        assert str(problems[0]).startswith(expected), str(problems[0])
