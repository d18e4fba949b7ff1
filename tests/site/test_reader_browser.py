"""Every page type of the reader's site in Debian's headless Chromium at phone and desktop widths: no console
errors, no sideways scrolling on a phone, axe-core's WCAG 2.1 AA rules, search that finds a known term.
Screenshots of each page type are kept in test-artifacts/screenshots/."""

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from tests.conftest import REPO
from tests.static_host import ARGS, CHROMIUM

AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = REPO / "test-artifacts" / "screenshots"
PAGES = {
    "home": "", "article": "2023/09/korut-klaim-hasilkan-kesepakatan-yang-memuaskan-dengan-rusia/",
    "article-en": "2024/05/marapi-rescue-ends/", "edition": "edisi/2024/05/13/", "editions": "edisi/",
    "entity": "entitas/kpu/", "story": "cerita/erupsi-marapi/", "timeline": "linimasa/", "search": "cari/",
    "404": "tidak-ada/",
}
WIDTHS = {"phone": 360, "desktop": 1280}


@pytest.fixture(scope="module")
def site(reader_site) -> Path:
    return reader_site


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


def open_page(browser, width):
    context = browser.new_context(viewport={"width": width, "height": 800}, is_mobile=width < 600,
                                  device_scale_factor=2 if width < 600 else 1)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    return context, page, errors, requests


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("kind", PAGES)
def test_page_type_in_a_real_browser(server, browser, kind, width):
    context, page, errors, requests = open_page(browser, WIDTHS[width])
    response = page.goto(f"{server}/{PAGES[kind]}")
    assert response.status == (404 if kind == "404" else 200)
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").count() == 1
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{kind} scrolls sideways by {overflow}px at {width}"
    if kind == "404":  # the browser logs the 404 status of the page itself
        errors = [e for e in errors if "404" not in e]
    assert errors == [], errors
    assert all(url.startswith(server) for url in requests), "no third-party requests"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})")
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == [], violations
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{kind}-{width}.png"), full_page=True)
    context.close()


@pytest.mark.parametrize("query, filters, expected", [
    ("Vostochny", {}, "Korut Klaim Hasilkan Kesepakatan yang Memuaskan dengan Rusia"),
    ("climbers", {}, "Search on Mount Marapi ends as last climbers found"),  # the English index, merged
    ("Marapi", {"language": "en"}, "Search on Mount Marapi ends as last climbers found"),
    ("rekapitulasi", {"category": "Politik"}, "KPU mulai rekapitulasi suara di Jakarta"),
])
def test_search_finds_articles(server, browser, query, filters, expected):
    context, page, errors, _ = open_page(browser, 360)
    page.goto(f"{server}/cari/")
    page.wait_for_selector("form.search[data-ready]", state="attached")
    for name, value in filters.items():
        page.select_option(f"select[name={name}]", value)
    page.fill("#q", query)
    page.press("#q", "Enter")
    page.wait_for_selector("ol.results li a")
    titles = page.locator("ol.results li h2 a").all_text_contents()
    assert expected in titles
    links = page.locator("ol.results li h2 a").evaluate_all("links => links.map((a) => a.href)")
    assert len(links) == len(set(links))  # each year's and language's index merged once
    if filters.get("language") == "en":
        assert all("Marapi" in t and not t.startswith("Gunung") for t in titles)
    assert page.url.endswith("q=" + query) or ("q=" + query + "&") in page.url  # a shareable URL
    assert errors == []
    context.close()


def test_search_result_excerpts_stay_text(server, browser):
    context, page, errors, _ = open_page(browser, 1280)
    page.goto(f"{server}/cari/?q=Basarnas")
    page.wait_for_selector("ol.results li")
    assert page.locator("ol.results mark").count() >= 1
    assert page.locator("ol.results script, ol.results img").count() == 0
    assert errors == []
    context.close()
