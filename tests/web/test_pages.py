"""The desk's pages without a browser: forms post, pages render, the same data as the API."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_fceb5003a30c558a.txt"
KEY = "desk-secret"


class Marks(HTMLParser):
    """Every <mark> with its attributes, and the ``src``/``href`` of every asset."""

    def __init__(self):
        super().__init__()
        self.marks, self.assets, self.labels, self.inputs = [], [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark" and "data-n" in attrs:
            self.marks.append(attrs)
        if tag in ("script", "link", "img") and (attrs.get("src") or attrs.get("href")):
            self.assets.append(attrs.get("src") or attrs.get("href"))
        if tag == "label":
            self.labels.add(attrs.get("for"))
        if tag in ("input", "textarea") and attrs.get("type") != "hidden":
            self.inputs.append(attrs.get("id"))


def parse(html: str) -> Marks:
    parser = Marks()
    parser.feed(html)
    return parser


@pytest.fixture
def desk(make_store_app):
    client = make_store_app(API_KEYS=[f"desk:{KEY}"]).test_client()
    return client


@pytest.fixture
def stored(desk):
    desk.set_cookie("desk_key", KEY)
    response = desk.post("/", data={"text": SEED.read_text("utf-8"), "action": "enregistrer", "title": "Poutine à Pyongyang",
                                    "url": "https://example.org/p", "outlet": "AFP", "published_at": "2024-06-19"})
    assert response.status_code == 303, response.get_data(as_text=True)
    return int(response.headers["Location"].rsplit("/", 1)[1])


def test_home_is_a_french_form_with_labelled_fields(desk):
    html = desk.get("/").get_data(as_text=True)
    assert '<html lang="fr">' in html and "Vérifier un article" in html
    page = parse(html)
    assert "text" in page.inputs and all(i in page.labels for i in page.inputs)
    assert all(a.startswith("/") and not a.startswith("//") for a in page.assets)


def test_pasting_an_article_highlights_each_quote(desk, extractor):
    text = SEED.read_text("utf-8")
    response = desk.post("/", data={"text": text, "action": "verifier"})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    page = parse(html)
    quotes = extractor.extract(text)
    assert len(page.marks) == len(quotes)
    assert {m["data-speaker"] for m in page.marks} == {q.speaker.name if q.speaker else "" for q in quotes}
    assert "Jens Stoltenberg" in {m["data-speaker"] for m in page.marks}
    assert {m["data-kind"] for m in page.marks} <= {"direct", "partial", "indirect"}
    assert all("data-quote-id" not in m for m in page.marks)  # nothing stored
    assert "Qui a dit quoi" in html
    low = [q for q in quotes if q.confidence < 0.7]
    assert low and len([m for m in page.marks if "low" in m["class"].split()]) == len(low)
    assert html.count("— à vérifier") == len(low)


def test_storing_needs_a_key(desk):
    response = desk.post("/", data={"text": SEED.read_text("utf-8"), "action": "enregistrer"})
    assert response.status_code == 401 and "clé" in response.get_data(as_text=True)
    assert desk.get("/v1/quotes").get_json()["items"] == []


def test_a_wrong_key_is_refused_and_a_good_one_kept(desk):
    assert desk.post("/cle", data={"key": "nope", "next": "/"}).status_code == 401
    response = desk.post("/cle", data={"key": KEY, "next": "/speakers"})
    assert response.status_code == 303 and response.headers["Location"].endswith("/speakers")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_stored_article_page_marks_every_stored_quote(desk, stored):
    api = desk.get(f"/v1/articles/{stored}").get_json()
    html = desk.get(f"/articles/{stored}").get_data(as_text=True)
    page = parse(html)
    assert sorted(int(m["data-quote-id"]) for m in page.marks) == sorted(q["id"] for q in api["quotes"])
    by_id = {q["id"]: q for q in api["quotes"]}
    for mark in page.marks:
        quote = by_id[int(mark["data-quote-id"])]
        assert mark["data-speaker"] == (quote["speaker"]["name"] if quote["speaker"] else "")
        assert mark["data-kind"] == quote["kind"]
    assert "Poutine à Pyongyang" in html and "AFP" in html and "19/06/2024" in html and "https://example.org/p" in html


def test_correcting_on_the_article_page(desk, stored):
    api = desk.get(f"/v1/articles/{stored}").get_json()
    quote = next(q for q in api["quotes"] if q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg")
    html = desk.get(f"/articles/{stored}").get_data(as_text=True)
    etag = re.search(rf'/quotes/{quote["id"]}".*?name="etag" value="([0-9a-f]+)"', html, re.S).group(1)
    url = f"/articles/{stored}/quotes/{quote['id']}"
    response = desk.post(url, data={"etag": etag, "name": "Mark Rutte", "role": "Premier ministre"})
    assert response.status_code == 303 and response.headers["Location"].endswith(f"#quote-{quote['id']}")
    corrected = desk.get(f"/v1/quotes/{quote['id']}").get_json()
    assert corrected["speaker"]["name"] == "Mark Rutte" and corrected["corrected"]["by"] == "desk"
    stale = desk.post(url, data={"etag": etag, "name": "Olaf Scholz"})
    assert stale.status_code == 412 and "modifiée entre-temps" in stale.get_data(as_text=True)
    assert desk.get(f"/v1/quotes/{quote['id']}").get_json()["speaker"]["name"] == "Mark Rutte"
    desk.delete_cookie("desk_key")
    assert desk.post(url, data={"etag": etag, "rejected": "1"}).status_code == 401


def test_speaker_search_and_page(desk, stored):
    html = desk.get("/speakers?q=STOLTENBERG").get_data(as_text=True)
    speaker_id = int(re.search(r'href="/speakers/(\d+)">Jens Stoltenberg<', html).group(1))
    page = desk.get(f"/speakers/{speaker_id}").get_data(as_text=True)
    assert "<svg" in page and "juin 2024" in page
    by_kind = desk.get("/v1/speakers/ranking").get_json()["items"]
    counts = next(i["by_kind"] for i in by_kind if i["id"] == speaker_id)
    assert f"{counts['direct']} directe" in page
    api = desk.get(f"/v1/speakers/{speaker_id}/quotes").get_json()["items"]
    shown = re.findall(r"<blockquote>« (.*?) »</blockquote>", page, re.S)
    assert len(shown) == len(api) and shown[0].startswith(api[0]["text"][:20].replace("'", "&#39;")[:10])
    assert desk.get("/speakers/2147483647").status_code == 404


def test_who_speaks_chart_counts_by_kind_over_a_period(desk, stored):
    html = desk.get("/speakers").get_data(as_text=True)
    assert "Qui parle ?" in html and "<svg" in html and "Jens Stoltenberg" in html
    api = desk.get("/v1/speakers/ranking").get_json()["items"]
    stoltenberg = next(i for i in api if i["name"] == "Jens Stoltenberg")
    assert sum(stoltenberg["by_kind"].values()) == stoltenberg["quote_count"] == 4
    row = re.search(r"Jens Stoltenberg</a></th>(.*?)</tr>", html).group(1)
    assert re.findall(r"<td>(\d+)</td>", row)[-1] == "4"
    empty = desk.get("/speakers?since=2025-01-01&until=2025-12-31").get_data(as_text=True)
    assert "Aucune citation sur cette période" in empty
    assert desk.get("/speakers?since=nonsense").status_code == 400


def test_docs_are_served_from_the_package(desk):
    html = desk.get("/docs").get_data(as_text=True)
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert assets and all(a.startswith("/docs/static/") for a in assets)
    for asset in assets:
        with desk.get(asset) as response:
            assert response.status_code == 200 and response.get_data()
    assert "validatorUrl" in html and "null" in html


def test_protected_reads_need_the_key_on_pages_too(make_store_app):
    client = make_store_app(API_KEYS=[f"desk:{KEY}"], PROTECT_READS=True).test_client()
    for url in ("/", "/speakers", "/speakers?q=x", "/articles/1"):
        response = client.get(url)
        assert response.status_code == 401 and "Clé d'API requise" in response.get_data(as_text=True)
    assert client.post("/cle", data={"key": KEY, "next": "/speakers"}).status_code == 303
    assert client.get("/speakers").status_code == 200
    assert client.get("/").status_code == 200
