from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from warta.source.frontmatter import decode, parse_article

GOOD = """---
title: Korut Klaim Hasilkan Kesepakatan
date: 2023-09-14T15:56:00+07:00
lang: id
summary: Perjanjian diyakini mencakup dukungan militer.
category: Internasional
tags: [diplomasi, militer]
story: korut-rusia
source: {name: Republika, url: "https://example.org/a", agency: Antara}
dateline: {city: Beijing}
image: {caption: Kim dan Putin, credit: AP Photo/Mikhail Metzel}
authors: [Redaksi Warta]
status: published
entities: {add: [kim-jong-un], remove: [rusia]}
---
Isi berita.
"""


def test_good_article_reads_every_field():
    matter, body, problems = parse_article("a.md", GOOD)
    assert problems == []
    assert matter.title == "Korut Klaim Hasilkan Kesepakatan"
    assert matter.date == datetime(2023, 9, 14, 8, 56, tzinfo=timezone.utc)
    assert matter.tags == ("diplomasi", "militer")
    assert matter.source.agency == "Antara" and matter.source.url == "https://example.org/a"
    assert matter.dateline == "Beijing"
    assert matter.image.credit == "AP Photo/Mikhail Metzel" and matter.image.url is None
    assert matter.entities_add == ("kim-jong-un",) and matter.entities_remove == ("rusia",)
    assert matter.story == "korut-rusia"
    assert body == "Isi berita.\n"


def doc(*lines):
    return "---\n" + "\n".join(lines) + "\n---\nBody\n"


@pytest.mark.parametrize("value", ["NO", "yes", "12:30", "2024", "on", "1.5", "~x"])
def test_yaml_12_scalars_keep_their_text(value):
    matter, _, problems = parse_article("a.md", doc(f"title: {value}", "date: 2023-09-14T10:00:00+07:00",
                                                    f"tags: [{value}]"))
    assert problems == []
    assert matter.title == value
    assert matter.tags == (value,)


def test_naive_date_is_asia_jakarta():
    matter, _, _ = parse_article("a.md", doc("title: x", "date: 2023-09-14 23:30"))
    assert matter.date.utcoffset() == timedelta(hours=7)
    assert (matter.date.year, matter.date.day, matter.date.hour) == (2023, 14, 23)


def test_naive_dates_follow_the_given_zone():
    matter, _, _ = parse_article("a.md", doc("title: x", "date: 2023-09-14 23:30", "modified: 2023-09-15"),
                                 zone=ZoneInfo("Asia/Jayapura"))
    assert matter.date.utcoffset() == matter.modified.utcoffset() == timedelta(hours=9)
    assert (matter.date.day, matter.date.hour, matter.modified.hour) == (14, 23, 0)


def test_offset_is_kept():
    matter, _, _ = parse_article("a.md", doc("title: x", "date: 2023-09-14T15:56:00+09:00"))
    assert matter.date.utcoffset() == timedelta(hours=9)


@pytest.mark.parametrize("lines, expected", [
    (("title: x", "date: 2024-03"), "a.md:3: 'date' is a partial date: '2024-03'"),
    (("title: x", "date: 2024"), "a.md:3: 'date' is a partial date: '2024'"),
    (("title: x", "date: 2023-02-30T10:00:00"), "a.md:3: 'date' is not a valid ISO 8601 date: '2023-02-30T10:00:00'"),
    (("title: x", "date: kemarin"), "a.md:3: 'date' is not a valid ISO 8601 date: 'kemarin'"),
    (("title: x", "date: 2023-09-14", "lang: jv"), "a.md:4: unknown lang 'jv'"),
    (("title: x", "date: 2023-09-14", "titel: y"), "a.md:4: unknown field 'titel' (did you mean 'title'?)"),
    (("title: x", "date: 2023-09-14", "source: {nama: y}"), "a.md:4: unknown field 'source.nama' (did you mean 'name'?)"),
    (("date: 2023-09-14",), "a.md:1: missing required field 'title'"),
    (("title: x",), "a.md:1: missing required field 'date'"),
    (("title: ''", "date: 2023-09-14"), "a.md:2: required field 'title' is empty"),
    (("title: x", "date: 2023-09-14", "status: publish"), "a.md:4: unknown status 'publish' (did you mean 'published'?)"),
    (("title: x", "date: 2023-09-14", "story: Korut Rusia"), "a.md:4: 'story' is not a slug: 'Korut Rusia'"),
    (("title: x", "date: 2023-09-14", "tags: {a: b}"), "a.md:4: 'tags' must be a list of strings"),
    (("title: x", "date: 2023-09-14", "image: {url: 'javascript:alert(1)'}"), "a.md:4: 'image.url' is not an http(s) URL"),
    (("title: x", "date: 2023-09-14T10:00", "modified: 2023-09-13T10:00"), "a.md:4: 'modified' is earlier than 'date'"),
    (("title: [x", "date: 2023-09-14"), "a.md:3: malformed YAML"),
    (("title: x", "title: y", "date: 2023-09-14"), "a.md:3: field 'title' is given twice"),
])
def test_bad_front_matter_names_file_and_line(lines, expected):
    matter, _, problems = parse_article("a.md", doc(*lines))
    assert matter is None
    assert any(str(p).startswith(expected) for p in problems), [str(p) for p in problems]


def test_all_problems_are_reported_not_only_the_first():
    _, _, problems = parse_article("a.md", doc("title: x", "date: 2024-03", "lang: jv", "colour: red"))
    assert [p.line for p in problems] == [3, 4, 5]


@pytest.mark.parametrize("text, expected", [
    ("", "a.md:1: empty file"),
    ("   \n\n", "a.md:1: empty file"),
    ("Just a body\n", "a.md:1: no front-matter block"),
    ("---\ntitle: x\n", "a.md:1: no front-matter block"),
    ("---\n- a\n- b\n---\n", "a.md:2: front-matter must be a mapping"),
])
def test_files_without_usable_front_matter(text, expected):
    _, _, problems = parse_article("a.md", text)
    assert str(problems[0]).startswith(expected)


def test_non_utf8_is_reported_with_its_line():
    text, problems = decode("---\ntitle: ok\nsummary: caf\xe9\n".encode("latin-1"), "a.md")
    assert text is None
    assert str(problems[0]).startswith("a.md:3: not UTF-8 text (byte 0xe9)")


def test_utf8_bom_is_accepted():
    text, problems = decode("\ufeff---\n".encode("utf-8"), "a.md")
    assert problems == [] and text == "---\n"
