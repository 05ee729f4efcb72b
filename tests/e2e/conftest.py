"""Browser tests: the app served on 127.0.0.1 in a thread, driven by Debian's Chromium through
Playwright (never `playwright install`), checked with axe-core at a 360 px wide phone viewport."""

from __future__ import annotations

import os
import threading

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright
from sqlmodel import Session, SQLModel
from werkzeug.serving import make_server

from tests.conftest import DEMO, empty_all_tables
from tests.e2e.harness import buffered
from webapp import create_app
from webapp.config import TestConfig
from webapp.demo import load_demo_data

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                 "--disable-dev-shm-usage"]
PHONE = {"width": 360, "height": 740}
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


class E2EConfig(TestConfig):
    WTF_CSRF_ENABLED = True  # the browser sends real tokens


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('e2e') / 'e2e.db'}"
    app = create_app(E2EConfig, overrides={"DATABASE_URL": url, "SERVER_NAME": None,
                                           "PHOTO_FOLDER": str(tmp_path_factory.mktemp("photos"))})
    SQLModel.metadata.create_all(app.extensions["db_engine"])
    server = make_server("127.0.0.1", 0, buffered(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config["LIVE_URL"] = f"http://127.0.0.1:{server.server_port}"
    yield app
    server.shutdown()
    thread.join(timeout=5)
    app.extensions["db_engine"].dispose()


@pytest.fixture(autouse=True)
def fresh_demo_data(live_app):
    engine = live_app.extensions["db_engine"]
    empty_all_tables(engine)
    with Session(engine) as session:
        load_demo_data(session, live_app.extensions["passwords"])
    with live_app.app_context():
        from webapp.extensions import limiter

        limiter.reset()


@pytest.fixture
def base_url(live_app) -> str:
    return live_app.config["LIVE_URL"]


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium is missing at {CHROMIUM}: run `sudo apt-get install -y chromium` "
                    "(make test installs it when run as root)")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url, locale="nb-NO")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def click_and_wait(page, selector: str) -> None:
    """Click something that loads a new page, and wait until it has loaded."""
    with page.expect_navigation():
        page.click(selector)


def sign_in(page, who: str) -> None:
    email, password = DEMO[who]
    page.goto("/auth/login")
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    click_and_wait(page, "form.stack button[type=submit]")


def switch_language(page) -> None:
    click_and_wait(page, "form.lang-switch button")


_axe = Axe()


def assert_accessible(page) -> None:
    """No WCAG 2.1 A/AA violation by axe-core, no sideways scrolling at 360 px, 44 px touch targets."""
    results = _axe.run(page, options=WCAG_AA)
    violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
    assert violations == [], f"{page.url}: {violations}"
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{page.url} scrolls sideways"
    small = page.evaluate(
        """() => [...document.querySelectorAll(
              'button, select, textarea, input:not([type=hidden]):not([type=radio]):not([type=checkbox]),'
              + ' nav a, .sos, .button-primary, .button-secondary, .button-emergency, label.choice')]
            .filter(el => el.offsetParent !== null)
            .map(el => [el.outerHTML.slice(0, 80), el.getBoundingClientRect().height])
            .filter(([, h]) => h < 44)"""
    )
    assert small == [], f"{page.url}: touch targets under 44 px: {small}"


# Issue 13: a page at a phone's width, with the phone's "large text" setting, and the two things axe does
# not see: a page wider than the screen, and a word broken letter by letter (walk defects 3 and 4).
_BROKEN_WORDS = """() => {
  const broken = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.offsetParent === null || el.closest('.may-break, code, pre, textarea, script, style')) continue;
    const text = node.textContent;
    // A word may wrap at a hyphen, a dash or a slash; never inside its letters.
    for (const match of text.matchAll(/[^\\s\\-\u2010-\u2014\\/]{2,}/g)) {
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(`${match[0]} in <${el.tagName.toLowerCase()} class="${el.className}">`);
    }
  }
  return broken.slice(0, 10);
}"""


def view_as(page, width: int, text_percent: int = 100) -> None:
    """Make the viewport `width` px wide and the text `text_percent` % of its size (Android's and iOS's
    larger text), for the page now open; navigating resets the text size, so call it again after."""
    page.set_viewport_size({"width": width, "height": PHONE["height"]})
    page.evaluate("percent => { document.documentElement.style.fontSize = percent + '%'; }", text_percent)


def assert_fits(page) -> None:
    """Nothing wider than the viewport, and no word broken across two lines (a squeezed table cell)."""
    width = page.evaluate("window.innerWidth")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"{page.url} is {scroll} px wide at {width} px"
    broken = page.evaluate(_BROKEN_WORDS)
    assert broken == [], f"{page.url} at {width} px breaks words: {broken}"


# The phone sizes every issue-13 page is checked at: 320 and 360 px, with normal and 125 % text.
PHONE_SIZES = [(320, 100), (320, 125), (360, 100), (360, 125)]


def assert_fits_every_phone(page, sizes=PHONE_SIZES) -> None:
    """assert_fits at each size for the page now open, then back to the standard phone."""
    for width, percent in sizes:
        view_as(page, width, percent)
        assert_fits(page)
    view_as(page, PHONE["width"])


def open_more_menu(page) -> None:
    """Open the menu's "More" list (issue 13: the bar shows a few main items, the rest are under "More")."""
    if page.locator("nav .nav-more details").get_attribute("open") is None:
        page.click("nav .nav-more summary")
