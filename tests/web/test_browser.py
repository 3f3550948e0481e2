"""The desk in a real browser: Debian's chromium and chromium-driver, driven by Selenium.

Outside CI the test skips when chromium is not installed; under ``CI=true`` it fails instead
(``.ci/run`` installs both). Screenshots of every page go to ``DESK_SCREENSHOTS`` (else a
temporary folder); the folder is printed in the test report.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import threading
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_fceb5003a30c558a.txt"
KEY = "browser-desk-key"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def browser_binaries() -> tuple[str, str]:
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    if not (chromium and driver):
        message = "chromium and chromium-driver are needed: apt-get install -y chromium chromium-driver"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(message)
        pytest.skip(message)
    return chromium, driver


@pytest.fixture
def live_desk(tmp_path):
    """The app on a real HTTP port (werkzeug, threaded), on a fresh SQLite store."""
    from werkzeug.serving import make_server

    from service.app import create_app

    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'desk.sqlite3'}",
                      "API_KEYS": [f"desk:{KEY}"]})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join()
    app.extensions["db_engine"].dispose()


@pytest.fixture
def browser():
    chromium, driver_path = browser_binaries()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for flag in CHROMIUM_FLAGS + ["--window-size=1400,1000", "--lang=fr-FR"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.implicitly_wait(10)
    yield driver
    driver.quit()


@pytest.fixture
def shots(request, tmp_path_factory):
    folder = Path(os.environ.get("DESK_SCREENSHOTS") or tmp_path_factory.mktemp("desk-screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if reporter:
        reporter.write_line(f"desk screenshots: {folder}")
    return folder


def snap(driver, folder: Path, name: str) -> None:
    """A screenshot of the whole page (the window grown to the page's height, up to 5000 px)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(1400, max(900, min(height + 140, 5000)))
    driver.save_screenshot(str(folder / f"{name}.png"))
    driver.set_window_size(1400, 1000)


def get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=30) as response:
        return json.load(response)


def click_and_wait(driver, button) -> None:
    """Click a submit button and wait until the next page has replaced this one."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    # A marker on this page's window object: gone once another document has loaded. Asking an old
    # element whether it is stale races with the navigation (Chrome may answer "Node with given id
    # does not belong to the document" instead of a stale-element error).
    driver.execute_script("window.__beforeClick = true;")
    button.click()

    def next_page_loaded(d) -> bool:
        try:
            return d.execute_script("return !window.__beforeClick && document.readyState === 'complete';")
        except WebDriverException:  # the page is being replaced
            return False

    WebDriverWait(driver, 60).until(next_page_loaded)


def paste_and_submit(driver, base: str, text: str, action: str, **fields) -> None:
    from selenium.webdriver.common.by import By

    driver.get(base + "/")
    area = driver.find_element(By.ID, "text")
    driver.execute_script("arguments[0].value = arguments[1];", area, text)  # a paste, without typing 5,000 keys
    if fields:
        driver.find_element(By.CSS_SELECTOR, "form.paste details summary").click()
        for name, value in fields.items():
            box = driver.find_element(By.ID, name)
            box.clear()
            if box.get_attribute("type") == "date":  # typed keys follow the locale's date order
                driver.execute_script("arguments[0].value = arguments[1];", box, value)
            else:
                box.send_keys(value)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f'button[name="action"][value="{action}"]'))


class MarkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.marks = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" and "data-quote-id" in attrs:
            self.marks.append(attrs)


def test_desk_check_store_correct_repost(live_desk, browser, shots):
    from selenium.webdriver.common.by import By

    base, text = live_desk, SEED.read_text("utf-8")
    article_fields = {"title": "Poutine à Pyongyang", "url": "https://example.org/pyongyang", "outlet": "AFP",
                      "published_at": "2024-06-19"}

    # 1. paste and check: quotes highlighted, Jens Stoltenberg among the speakers
    browser.get(base + "/")
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "fr"
    snap(browser, shots, "01-accueil")
    paste_and_submit(browser, base, text, "verifier")
    marks = browser.find_elements(By.CSS_SELECTOR, ".article-text mark[data-kind]")
    assert len(marks) >= 10
    assert "Jens Stoltenberg" in {m.get_attribute("data-speaker") for m in marks}
    assert "Jens Stoltenberg" in browser.find_element(By.CSS_SELECTOR, "ol.who-said").text
    assert browser.find_elements(By.CSS_SELECTOR, "mark.low")  # low confidence flagged
    marks[0].send_keys("")  # a mark takes the keyboard focus
    assert browser.switch_to.active_element == marks[0]
    snap(browser, shots, "02-verification")

    # 2. give the key once, then store the article
    browser.find_element(By.ID, "api-key").send_keys(KEY)
    click_and_wait(browser, browser.find_element(By.CSS_SELECTOR, "footer form.key button"))
    assert "Vous pouvez enregistrer et corriger" in browser.find_element(By.TAG_NAME, "footer").text
    paste_and_submit(browser, base, text, "enregistrer", **article_fields)
    assert "/articles/" in browser.current_url
    article_id = int(browser.current_url.split("/articles/")[1].split("#")[0])
    stored = get_json(f"{base}/v1/articles/{article_id}")
    marked = browser.find_elements(By.CSS_SELECTOR, ".article-text mark[data-quote-id]")
    assert sorted(int(m.get_attribute("data-quote-id")) for m in marked) == sorted(q["id"] for q in stored["quotes"])
    assert stored["published_at"] == "2024-06-19T00:00:00Z" and stored["outlet"] == "AFP"
    snap(browser, shots, "03-article")

    # 3. correct one of Stoltenberg's quotes on the article page
    quote = next(q for q in stored["quotes"] if q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg")
    item = browser.find_element(By.XPATH, f'//span[@id="quote-{quote["id"]}"]/..')
    item.find_element(By.TAG_NAME, "summary").click()
    name = item.find_element(By.NAME, "name")
    name.clear()
    name.send_keys("Mark Rutte")
    role = item.find_element(By.NAME, "role")
    role.clear()
    role.send_keys("Premier ministre néerlandais")
    snap(browser, shots, "04-correction")
    click_and_wait(browser, item.find_element(By.CSS_SELECTOR, "button[type=submit]"))
    mark = browser.find_element(By.CSS_SELECTOR, f'mark[data-quote-id="{quote["id"]}"]')
    assert mark.get_attribute("data-speaker") == "Mark Rutte"
    snap(browser, shots, "05-corrigee")
    rutte = get_json(f"{base}/v1/quotes?speaker=rutte")["items"]
    assert [q["text"] for q in rutte] == [quote["text"]] and rutte[0]["corrected"]["by"] == "desk"

    # 4. re-post the same article: the correction stays
    paste_and_submit(browser, base, text, "enregistrer", **article_fields)
    assert browser.current_url.split("#")[0] == f"{base}/articles/{article_id}"
    again = {m.get_attribute("data-speaker") for m in browser.find_elements(
        By.XPATH, f'//mark[@data-quote-id][normalize-space(.)="{" ".join(quote["text"].split())}"]')}
    assert again == {"Mark Rutte"}
    assert [q["text"] for q in get_json(f"{base}/v1/quotes?speaker=rutte")["items"]] == [quote["text"]]
    assert quote["text"] not in {q["text"] for q in get_json(f"{base}/v1/quotes?speaker=stoltenberg&limit=200")["items"]}

    # 5. chromium --dump-dom of the article: one mark per stored quote, each with data-speaker
    dom = subprocess.run([shutil.which("chromium"), *CHROMIUM_FLAGS, "--dump-dom", f"{base}/articles/{article_id}"],
                         capture_output=True, text=True, timeout=120).stdout
    parser = MarkParser()
    parser.feed(dom)
    stored = get_json(f"{base}/v1/articles/{article_id}")
    assert sorted(int(m["data-quote-id"]) for m in parser.marks) == sorted(q["id"] for q in stored["quotes"])
    assert all("data-speaker" in m for m in parser.marks)

    # 6. speakers: search, one speaker's page, « Qui parle ? »
    browser.get(f"{base}/speakers?q=stoltenberg")
    link = browser.find_element(By.LINK_TEXT, "Jens Stoltenberg")
    snap(browser, shots, "06-recherche")
    click_and_wait(browser, link)
    assert browser.find_element(By.CSS_SELECTOR, "figure.chart svg")
    assert browser.find_elements(By.CSS_SELECTOR, "ol.quotes blockquote")
    snap(browser, shots, "07-locuteur")
    browser.get(f"{base}/speakers")
    assert browser.find_elements(By.CSS_SELECTOR, "figure.chart svg rect.bar")
    snap(browser, shots, "08-qui-parle")

    # 7. /docs renders from the service's own files and fetches nothing from outside
    browser.get(f"{base}/docs")
    assert browser.find_element(By.CSS_SELECTOR, ".swagger-ui .info")
    snap(browser, shots, "09-docs")
    fetched = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert fetched and all(url.startswith(base) for url in fetched), fetched


def test_every_stored_seed_article_marks_each_of_its_quotes(live_desk):
    """``chromium --headless --dump-dom`` of each stored seed article: one ``<mark data-quote-id>``
    per stored quote, each with its ``data-speaker``."""
    chromium, _ = browser_binaries()
    base = live_desk
    for path in sorted(SEED.parent.glob("*.txt")):
        request = urllib.request.Request(f"{base}/v1/articles", method="POST", headers={
            "Content-Type": "application/json", "X-API-Key": KEY},
            data=json.dumps({"text": path.read_text("utf-8"), "external_id": path.stem}).encode())
        with urllib.request.urlopen(request, timeout=120) as response:
            stored = json.load(response)
        dom = subprocess.run([chromium, *CHROMIUM_FLAGS, "--dump-dom", f"{base}/articles/{stored['id']}"],
                             capture_output=True, text=True, timeout=120).stdout
        parser = MarkParser()
        parser.feed(dom)
        by_id = {q["id"]: q for q in stored["quotes"]}
        assert sorted(int(m["data-quote-id"]) for m in parser.marks) == sorted(by_id), path.name
        for mark in parser.marks:
            quote = by_id[int(mark["data-quote-id"])]
            assert mark["data-speaker"] == (quote["speaker"]["name"] if quote["speaker"] else "")
    dom = subprocess.run([chromium, *CHROMIUM_FLAGS, "--dump-dom", f"{base}/speakers?q=stoltenberg"],
                         capture_output=True, text=True, timeout=120).stdout
    assert ">Jens Stoltenberg</a>" in dom
