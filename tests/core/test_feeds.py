"""warta.publish.feeds: the feed plan, text cleaning, absolute URLs and ids."""

from datetime import datetime, timedelta, timezone

import pytest
from warta.publish.feeds import Member, absolute, absolutize, image_type, plan, site_url, tag_uri
from warta.settings import Feeds, Settings
from warta.source.xmlchars import clean

WIB = timezone(timedelta(hours=7))


def at(day: int, hour: int = 9) -> datetime:
    return datetime(2024, 3, day, hour, tzinfo=WIB)


def feeds(**values) -> Settings:
    return Settings(feeds=Feeds(**values))


A = Member(at(1), "2024/03/a/", "id", "politik", "pemilu", ("prabowo", "kpu"))
B = Member(at(2), "2024/03/b/", "en", "politik", None, ("prabowo",))
C = Member(at(3), "2024/03/c/", "id", "ekonomi", "pemilu", ("bi", "bi"))
D = Member(at(3), "2024/03/d/", "id", "ekonomi", None, ())  # same time as C: the URL breaks the tie


def test_plan_groups_every_kind_newest_first():
    assert plan([A, B, C, D], Settings()) == {
        ("category", "ekonomi"): [3, 2], ("category", "politik"): [1, 0],
        ("entity", "bi"): [2], ("entity", "kpu"): [0], ("entity", "prabowo"): [1, 0],
        ("lang", "en"): [1], ("lang", "id"): [3, 2, 0],
        ("site", ""): [3, 2, 1, 0], ("story", "pemilu"): [2, 0],
    }


def test_plan_keeps_the_newest_up_to_the_limit():
    result = plan([A, B, C, D], feeds(site_limit=2, limit=1))
    assert result[("site", "")] == [3, 2]
    assert result[("lang", "id")] == [3]
    assert result[("entity", "prabowo")] == [1]


def test_a_zero_limit_or_two_empty_patterns_turn_a_kind_off():
    kinds = {kind for kind, _ in plan([A, B, C, D], feeds(limit=0))}
    assert kinds == {"site"}
    kinds = {kind for kind, _ in plan([A, B, C, D], feeds(entity_rss="", entity_atom=""))}
    assert kinds == {"site", "lang", "category", "story"}


def test_plan_does_not_depend_on_input_order():
    forward = plan([A, B, C, D], Settings())
    members = [D, C, B, A]
    backward = plan(members, Settings())
    assert {key: [members[i].url for i in value] for key, value in backward.items()} == {
        key: [[A, B, C, D][i].url for i in value] for key, value in forward.items()}


@pytest.mark.parametrize("text, expected", [
    ("plain", "plain"),
    ("tab\tnewline\ncr\r kept", "tab\tnewline\ncr\r kept"),
    ("vertical\x0btab", "verticaltab"),
    ("form\x0cfeed\x00nul\x1fus\x7fdel", "formfeednulusdel"),
    ("c1\x80\x9f controls, NEL\x85 kept", "c1 controls, NEL\x85 kept"),
    ("non\ufffechar\uffff", "nonchar"),
    ("non\ufdd0char", "nonchar"),
    ("lone \ud800 surrogate", "lone  surrogate"),
    ("Indonesia – “kutip” é 한국 😀", "Indonesia – “kutip” é 한국 😀"),
    (None, ""),
])
def test_clean(text, expected):
    assert clean(text) == expected


BASE = "https://warta.example.org/2023/09/kim-putin/"


@pytest.mark.parametrize("html, expected", [
    ('<p><a href="/tentang/">x</a></p>', '<p><a href="https://warta.example.org/tentang/">x</a></p>'),
    ('<p><a href="../../10/lavrov/">x</a></p>', '<p><a href="https://warta.example.org/2023/10/lavrov/">x</a></p>'),
    ('<img src="peta.png" alt="Peta">', '<img src="https://warta.example.org/2023/09/kim-putin/peta.png" alt="Peta">'),
    ('<a href="#catatan">1</a>', '<a href="https://warta.example.org/2023/09/kim-putin/#catatan">1</a>'),
    ('<p>a</p>\n<p><a href="/x/">b</a> tail</p>', '<p>a</p>\n<p><a href="https://warta.example.org/x/">b</a> tail</p>'),
    ('text before <a href="/x/">b</a>', 'text before <a href="https://warta.example.org/x/">b</a>'),
])
def test_absolutize(html, expected):
    assert absolutize(html, BASE) == expected


@pytest.mark.parametrize("html", [
    '<p><a href="https://example.com/a">a</a> <a href="mailto:r@example.org">m</a></p>',
    "<p>no links at all &amp; an entity</p>",
    "",
])
def test_absolutize_leaves_absolute_links_and_plain_text_alone(html):
    assert absolutize(html, BASE) == html


def test_absolute_and_site_url():
    assert absolute("https://example.org/warta", "2024/03/a/") == "https://example.org/warta/2024/03/a/"
    assert absolute("https://example.org/", "feeds/rss.xml") == "https://example.org/feeds/rss.xml"
    assert absolute("https://example.org/2024/03/a/", "https://cdn.example.net/x.jpg") == "https://cdn.example.net/x.jpg"
    assert site_url("", "http://localhost:8000") == "http://localhost:8000"
    assert site_url("..", "http://localhost:8000/") == "http://localhost:8000"  # a relative SITEURL is no base
    assert site_url("https://warta.example.org/", "http://localhost:8000") == "https://warta.example.org"


def test_tag_uri_is_stable_and_follows_rfc_4151():
    published = datetime(2023, 9, 13, 20, 10, tzinfo=WIB)
    uri = tag_uri("https://warta.example.org", published, "2023/09/kim-putin/")
    assert uri == "tag:warta.example.org,2023-09-13:/2023/09/kim-putin"
    assert tag_uri("http://localhost:8000", published, "/2023/09/kim-putin") == "tag:localhost,2023-09-13:/2023/09/kim-putin"
    late = datetime(2023, 9, 13, 23, 30, tzinfo=WIB)  # 16:30 UTC: still the 13th, the article's own day
    assert tag_uri("https://warta.example.org", late, "a/") == "tag:warta.example.org,2023-09-13:/a"


@pytest.mark.parametrize("url, expected", [
    ("https://img.example.com/a/foto.jpg", "image/jpeg"),
    ("https://img.example.com/a/FOTO.JPEG?w=800#x", "image/jpeg"),
    ("/images/peta.png", "image/png"),
    ("https://img.example.com/a.gif", "image/gif"),
    ("https://img.example.com/a.webp", "image/webp"),
    ("https://img.example.com/a.svg", "image/svg+xml"),
    ("https://img.example.com/photo/no-extension", None),
    ("https://img.example.com/video.mp4", None),
])
def test_image_type(url, expected):
    assert image_type(url) == expected
