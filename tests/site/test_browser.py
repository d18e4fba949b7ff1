"""The built site in real headless Chromium (Debian's), on a phone-sized screen."""

import pytest
from playwright.sync_api import sync_playwright

from tests.static_host import ARGS, CHROMIUM


@pytest.fixture(scope="module")
def phone():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
        yield context.new_page()
        browser.close()


def article_paths(site):
    return sorted(p.parent.relative_to(site).as_posix() for p in site.glob("20*/*/*/index.html"))


def test_pages_fit_a_phone_screen(server, phone, site):
    paths = ["", "arsip", "kategori", "entitas", "entitas/kim-jong-un", "cerita/korut-rusia", "linimasa"]
    paths += article_paths(site)[:4]
    for path in paths:
        phone.goto(f"{server}/{path}/" if path else server + "/")
        overflow = phone.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{path or 'home'} scrolls sideways by {overflow}px"
        assert phone.locator("h1").count() == 1


def test_keyboard_user_sees_skip_link_and_focus(server, phone):
    phone.goto(server + "/")
    phone.keyboard.press("Tab")
    skip = phone.locator("a.skip")
    assert skip.evaluate("e => e === document.activeElement")
    box = skip.bounding_box()
    assert box and box["x"] >= 0, "skip link stays off screen when focused"
    outline = skip.evaluate("e => getComputedStyle(e).outlineStyle")
    assert outline != "none"
