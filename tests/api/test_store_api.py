"""Articles in, quotes out: the store and read API, on SQLite and (in CI) PostgreSQL."""
from __future__ import annotations

import csv
import io
import json
import threading
from pathlib import Path

import marshmallow as ma
import pytest

from service.api import QueryStringParser

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DATES = ["2024-06-20T08:00:00Z", "2024-06-19T09:00:00Z", "2024-10-25T15:42:00Z",
         "2024-06-19T18:00:00+02:00", "2024-12-04T10:00:00Z"]


@pytest.fixture
def seeded(store_client):
    """The five seed articles, posted through the API."""
    ids = []
    for path, date in zip(sorted(SEEDS.glob("*.txt")), DATES):
        response = store_client.post("/v1/articles", json={
            "text": path.read_text(encoding="utf-8"), "external_id": path.stem, "published_at": date,
            "title": path.stem, "outlet": "seed", "url": f"https://example.org/{path.stem}"})
        assert response.status_code == 201, response.get_data(as_text=True)
        ids.append(response.get_json()["id"])
    return ids


def all_pages(client, url):
    items, seen_urls = [], set()
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        items += body["items"]
        if body["next"]:
            assert "rel=\"next\"" in response.headers["Link"]
            url = f"{url.split('&cursor=')[0]}&cursor={body['next']}"
            assert url not in seen_urls
            seen_urls.add(url)
        else:
            url = None
    return items


def test_speaker_filter_returns_exactly_that_speakers_quotes_with_role(store_client, seeded):
    items = all_pages(store_client, "/v1/quotes?speaker=stoltenberg&limit=200")
    assert items and {q["speaker"]["name"] for q in items} == {"Jens Stoltenberg"}
    assert all(q["speaker"]["role"].lower().startswith("secrétaire général de l") for q in items)
    extracted = [q for article in SEEDS.glob("*.txt")
                 for q in store_client.post("/v1/extract", json={"text": article.read_text("utf-8")}).get_json()["quotes"]
                 if q["speaker"] and q["speaker"]["name"] == "Jens Stoltenberg"]
    assert len(items) == len(extracted)


def test_spellings_of_one_person_across_articles_are_one_speaker(store_client, seeded):
    items = all_pages(store_client, "/v1/quotes?speaker=kim%20jong-un&limit=200")
    assert len({q["speaker"]["id"] for q in items}) == 1
    assert len({q["article_id"] for q in items}) == 3


@pytest.mark.parametrize("query", ["poutine", "Poutine", "POUTINE", "vladimir poutine", "Vladimir-Poutine"])
def test_speaker_search_is_case_accent_and_hyphen_insensitive(store_client, seeded, query):
    [speaker] = store_client.get(f"/v1/speakers?q={query}").get_json()["items"]
    assert speaker["name"] == "Vladimir Poutine" and speaker["quote_count"] > 0
    assert speaker["roles"] and speaker["roles"][0]["role"] == "président russe"


def test_first_name_less_search_finds_the_full_name(store_client, seeded):
    names = [s["name"] for s in store_client.get("/v1/speakers?q=zelensky").get_json()["items"]]
    assert names == ["Volodymyr Zelensky"]
    speaker_id = store_client.get("/v1/speakers?q=zelensky").get_json()["items"][0]["id"]
    assert store_client.get(f"/v1/speakers/{speaker_id}").get_json()["name"] == "Volodymyr Zelensky"
    quotes = store_client.get(f"/v1/speakers/{speaker_id}/quotes").get_json()["items"]
    assert quotes and all(q["speaker"]["id"] == speaker_id for q in quotes)


def test_paging_returns_every_quote_once(store_client, seeded):
    everything = all_pages(store_client, "/v1/quotes?limit=200")
    paged = all_pages(store_client, "/v1/quotes?limit=2")
    assert [q["id"] for q in paged] == [q["id"] for q in everything]
    assert len({q["id"] for q in paged}) == len(paged) > 10
    dates = [q["published_at"] for q in paged]
    assert dates == sorted(dates, reverse=True)


def test_filters(store_client, seeded):
    partial = all_pages(store_client, "/v1/quotes?kind=partial&limit=200")
    assert partial and all(q["kind"] == "partial" for q in partial)
    words = all_pages(store_client, "/v1/quotes?q=MUNITIONS&limit=200")
    assert words and all("munitions" in q["text"].lower() for q in words)
    since = all_pages(store_client, "/v1/quotes?since=2024-10-01&limit=200")
    assert since and all(q["published_at"] >= "2024-10-01" for q in since)
    until = all_pages(store_client, "/v1/quotes?until=2024-06-19T23:59:59Z&limit=200")
    assert until and all(q["published_at"] <= "2024-06-20" for q in until)
    role = all_pages(store_client, "/v1/quotes?role=president%20russe&limit=200")
    assert role and all("président russe" in q["speaker"]["role"] for q in role)
    assert "Vladimir Poutine" in {q["speaker"]["name"] for q in role}
    article = all_pages(store_client, f"/v1/quotes?article={seeded[4]}&limit=200")
    assert article and {q["article_id"] for q in article} == {seeded[4]}


def test_posting_the_same_article_again_updates_it_without_duplicates(store_client, seeded):
    text = (SEEDS / "004_44ee80d860a62719.txt").read_text("utf-8")
    before = store_client.get(f"/v1/articles/{seeded[4]}/quotes?limit=200").get_json()["items"]
    again = store_client.post("/v1/articles", json={"text": text, "external_id": "004_44ee80d860a62719",
                                                    "title": "Nouveau titre"})
    assert again.status_code == 200
    assert again.get_json()["id"] == seeded[4] and again.get_json()["title"] == "Nouveau titre"
    after = store_client.get(f"/v1/articles/{seeded[4]}/quotes?limit=200").get_json()["items"]
    assert len(after) == len(before)
    # lists show the article as it is now: what was not sent again is gone (the URL, an identifier, stays)
    listed = all_pages(store_client, f"/v1/quotes?article={seeded[4]}&limit=200")
    assert {json.dumps(q["article"], sort_keys=True) for q in listed + after} == {json.dumps(
        {"id": seeded[4], "title": "Nouveau titre", "url": "https://example.org/004_44ee80d860a62719",
         "outlet": None, "published_at": None}, sort_keys=True)}
    by_url = store_client.post("/v1/articles", json={"text": text, "url": "https://example.org/004_44ee80d860a62719"})
    assert by_url.status_code == 200 and by_url.get_json()["id"] == seeded[4]


def test_an_external_id_and_a_url_of_two_articles_are_a_409_that_changes_nothing(store_client):
    first = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "external_id": "a",
                                                    "url": "https://example.org/a"}).get_json()
    second = store_client.post("/v1/articles", json={"text": "« Non », a dit Paul Roux.", "external_id": "b",
                                                     "url": "https://example.org/b"}).get_json()
    clash = store_client.post("/v1/articles", json={"text": "« Peut-être », a dit Luc Bon.", "external_id": "a",
                                                    "url": "https://example.org/b"})
    assert clash.status_code == 409 and clash.content_type == "application/problem+json"
    assert f"article {second['id']}" in clash.get_json()["detail"]
    assert store_client.get(f"/v1/articles/{first['id']}").get_json()["text"] == "« Oui », a dit Anne Roy."
    assert store_client.get(f"/v1/articles/{second['id']}").get_json()["url"] == "https://example.org/b"
    assert {q["text"] for q in store_client.get("/v1/quotes").get_json()["items"]} == {"Oui", "Non"}


def test_racing_posts_of_one_external_id_leave_one_article(store_app):
    text = "« Nous irons jusqu'au bout », a déclaré Paul Girard, maire de Nantes."
    statuses = []

    def post():
        client = store_app.test_client()
        statuses.append(client.post("/v1/articles", json={"text": text, "external_id": "race-1"}).status_code)

    threads = [threading.Thread(target=post) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(statuses) == [200] * 7 + [201]
    client = store_app.test_client()
    quotes = client.get("/v1/quotes?limit=200").get_json()["items"]
    assert len(quotes) == 1 and len({q["article_id"] for q in quotes}) == 1


def test_article_lifecycle(store_client):
    created = store_client.post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin, élue de Brest."})
    assert created.status_code == 201
    article = created.get_json()
    assert article["quotes"][0]["speaker"]["name"] == "Jeanne Marin"
    quote_id = article["quotes"][0]["id"]
    assert store_client.get(f"/v1/quotes/{quote_id}").get_json()["text"] == "Oui"
    assert store_client.get(f"/v1/articles/{article['id']}").get_json()["text"].startswith("« Oui »")
    assert store_client.delete(f"/v1/articles/{article['id']}").status_code == 204
    assert store_client.get(f"/v1/articles/{article['id']}").status_code == 404
    assert store_client.get(f"/v1/quotes/{quote_id}").status_code == 404
    assert store_client.delete(f"/v1/articles/{article['id']}").status_code == 404


@pytest.mark.parametrize("url", [
    "/v1/quotes?cursor=not-a-cursor", "/v1/quotes?since=yesterday", "/v1/quotes?kind=rumour",
    "/v1/quotes?limit=0", "/v1/quotes?limit=500", "/v1/quotes?colour=blue", "/v1/quotes?article=abc",
    "/v1/speakers?q=", "/v1/quotes?format=xml",
])
def test_bad_query_values_are_400_problems(store_client, url):
    response = store_client.get(url)
    assert response.status_code == 400 and response.mimetype == "application/problem+json"
    assert response.get_json()["detail"]


def test_a_repeated_query_key_takes_its_first_value(store_client, seeded):
    alone = store_client.get("/v1/quotes?speaker=stoltenberg&limit=200").get_json()["items"]
    assert alone
    assert store_client.get("/v1/quotes?speaker=stoltenberg&speaker=nobody-at-all&limit=200&limit=1"
                            ).get_json()["items"] == alone
    assert store_client.get("/v1/quotes?speaker=nobody-at-all&speaker=stoltenberg").get_json()["items"] == []


def test_query_string_parser_gives_a_list_field_every_value(app):
    """Read as a plain dict only when no field takes a repeated key (the API has none today)."""
    class Tags(ma.Schema):
        tag = ma.fields.List(ma.fields.String())
        one = ma.fields.String()

    class One(ma.Schema):
        one = ma.fields.String()

    with app.test_request_context("/?tag=a&tag=b&one=x&one=y"):
        assert QueryStringParser().parse(Tags(), location="query") == {"tag": ["a", "b"], "one": "x"}
        assert QueryStringParser().parse(One(), location="query", unknown=ma.EXCLUDE) == {"one": "x"}


@pytest.mark.parametrize("url", ["/v1/quotes/999999", "/v1/articles/999999", "/v1/speakers/999999",
                                 "/v1/speakers/999999/quotes", "/v1/articles/999999/quotes"])
def test_unknown_ids_are_404_problems(store_client, url):
    response = store_client.get(url)
    assert response.status_code == 404 and response.mimetype == "application/problem+json"


@pytest.mark.parametrize("query", ["' OR 1=1 --", "%", "_", "\"; DROP TABLE quotes; --", "x" * 200])
def test_injection_shaped_filters_are_plain_text(store_client, seeded, query):
    response = store_client.get("/v1/quotes", query_string={"speaker": query, "q": query})
    assert response.status_code == 200 and response.get_json()["items"] == []
    assert store_client.get("/v1/quotes?limit=1").get_json()["items"]


def test_streams_every_match_as_ndjson_or_csv(store_client, seeded):
    everything = all_pages(store_client, "/v1/quotes?limit=200")
    ndjson = store_client.get("/v1/quotes", headers={"Accept": "application/x-ndjson"})
    assert ndjson.mimetype == "application/x-ndjson"
    lines = [json.loads(line) for line in ndjson.get_data(as_text=True).splitlines()]
    assert [q["id"] for q in lines] == [q["id"] for q in everything]
    rows = list(csv.DictReader(io.StringIO(store_client.get("/v1/quotes?format=csv&speaker=stoltenberg").get_data(as_text=True))))
    assert rows and {r["speaker_name"] for r in rows} == {"Jens Stoltenberg"}
    empty = store_client.get("/v1/quotes?format=csv&speaker=nobody-at-all").get_data(as_text=True)
    assert empty.startswith("id,article_id") and len(empty.splitlines()) == 1


def test_etag_and_if_none_match(store_client, seeded):
    first = store_client.get("/v1/quotes?speaker=stoltenberg")
    assert first.headers["ETag"]
    again = store_client.get("/v1/quotes?speaker=stoltenberg", headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304


def test_writes_need_a_valid_key_when_keys_are_configured(make_store_app):
    client = make_store_app(API_KEYS=["s3cret", "other"]).test_client()
    body = {"text": "« Oui », a dit Jeanne Marin."}
    refused = client.post("/v1/articles", json=body)
    assert refused.status_code == 401 and refused.mimetype == "application/problem+json"
    assert "Bearer" in refused.headers["WWW-Authenticate"]
    assert client.post("/v1/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.post("/v1/articles", json=body, headers={"Authorization": "Bearer s3cret"}).status_code == 201
    assert client.post("/v1/articles", json=body, headers={"X-API-Key": "other"}).status_code == 201
    assert client.get("/v1/quotes").status_code == 200  # reads stay open


def test_without_keys_only_loopback_clients_may_write(store_app):
    remote = store_app.test_client()
    remote.environ_base["REMOTE_ADDR"] = "203.0.113.9"
    assert remote.post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin."}).status_code == 401
    assert store_app.test_client().post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin."}).status_code == 201


def test_cors_for_configured_origins(make_store_app):
    client = make_store_app(CORS_ORIGINS=["https://cms.example.org"]).test_client()
    allowed = client.get("/v1/quotes", headers={"Origin": "https://cms.example.org"})
    assert allowed.headers["Access-Control-Allow-Origin"] == "https://cms.example.org"
    other = client.get("/v1/quotes", headers={"Origin": "https://evil.example.com"})
    assert "Access-Control-Allow-Origin" not in other.headers


def test_fast_list_serialisation_equals_the_schema(store_app, seeded):
    from sqlalchemy import select

    from service.api.schemas import StoredQuoteSchema, stored_quote_json
    from service.store.models import Quote

    with store_app.extensions["db_read"]() as session:
        rows = session.scalars(select(Quote)).unique().all()
        assert rows
        assert [stored_quote_json(r) for r in rows] == StoredQuoteSchema(many=True).dump(rows)


def test_cached_lists_follow_writes_made_on_another_node(make_store_app):
    node_a, node_b = make_store_app().test_client(), make_store_app().test_client()
    node_b.post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin.", "external_id": "a"})
    first = node_a.get("/v1/quotes?speaker=marin").get_json()["items"]
    assert node_a.get("/v1/quotes?speaker=marin").get_json()["items"] == first  # served from the cache
    node_b.post("/v1/articles", json={"text": "« Non », a dit Jeanne Marin.", "external_id": "b"})
    assert len(node_a.get("/v1/quotes?speaker=marin").get_json()["items"]) == len(first) + 1
    article_id = first[0]["article_id"]
    node_b.delete(f"/v1/articles/{article_id}")
    assert [q["text"] for q in node_a.get("/v1/quotes?speaker=marin").get_json()["items"]] == ["Non"]


def test_a_bare_surname_joins_the_one_known_person_of_that_name(store_client):
    first = store_client.post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin, élue de Brest.", "external_id": "1"})
    later = store_client.post("/v1/articles", json={"text": "« Non », a répondu Marin.", "external_id": "2"})
    assert later.get_json()["quotes"][0]["speaker"]["id"] == first.get_json()["quotes"][0]["speaker"]["id"]
    assert later.get_json()["quotes"][0]["speaker"]["name"] == "Jeanne Marin"
    store_client.post("/v1/articles", json={"text": "« Peut-être », a dit Paul Marin.", "external_id": "3"})
    ambiguous = store_client.post("/v1/articles", json={"text": "« Jamais », a lancé Marin.", "external_id": "4"})
    speaker = ambiguous.get_json()["quotes"][0]["speaker"]
    assert speaker["name"] == "Marin"  # two known Marins: not guessed


def test_human_docs_are_served(store_client):
    response = store_client.get("/docs")
    assert response.status_code == 200 and b"openapi" in response.data.lower()


@pytest.mark.parametrize(("date", "clamped"), [("0001-01-01T00:00:00+05:00", "0001-01-01T00:00:00Z"),
                                               ("9999-12-31T23:00:00-05:00", "9999-12-31T23:59:59.999999Z")])
def test_dates_beyond_the_calendar_once_in_utc_are_clamped_to_its_ends(store_client, date, clamped):
    posted = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.", "published_at": date})
    assert posted.status_code == 201 and posted.get_json()["published_at"] == clamped
    since = store_client.get("/v1/quotes", query_string={"since": date})
    until = store_client.get("/v1/quotes", query_string={"until": date})
    assert since.status_code == until.status_code == 200
    found = {q["text"] for q in since.get_json()["items"]} | {q["text"] for q in until.get_json()["items"]}
    assert found == {"Oui"}  # the bound is inclusive, so the clamped date matches itself


def test_dates_with_an_offset_are_stored_in_utc(store_client):
    posted = store_client.post("/v1/articles", json={"text": "« Oui », a dit Anne Roy.",
                                                     "published_at": "2026-01-05T11:30:00+01:00"})
    assert posted.get_json()["published_at"] == "2026-01-05T10:30:00Z"
    found = store_client.get("/v1/quotes", query_string={"since": "2026-01-05T11:30:00+01:00"}).get_json()["items"]
    assert [q["published_at"] for q in found] == ["2026-01-05T10:30:00Z"]


def test_word_search_finds_whole_words_whatever_their_case_and_accents(store_client):
    texts = {"a": "« L'État tiendra ses engagements budgétaires », a déclaré Marie Dupont.",
             "b": "« Les états généraux de l'alimentation reprendront », a dit Paul Martin.",
             "c": "« Le budget est tenu », a affirmé Marie Dupont.",
             "d": "« Rien n'a changé sur l'état-major », a dit Paul Martin."}
    for external_id, text in texts.items():
        assert store_client.post("/v1/articles", json={"text": text, "external_id": external_id}).status_code == 201

    def found(query: str) -> set[str]:
        return {q["text"] for q in all_pages(store_client, f"/v1/quotes?q={query}&limit=1")}

    said = {external_id: text.split("»")[0].strip("« ") for external_id, text in texts.items()}
    assert found("ETAT") == {said["a"], said["d"]}  # whole words: « états » is another word
    assert found("%C3%A9tat%20marie") == set()  # every word, of the quote itself (not the speaker's name)
    assert found("etat%20engagements") == {said["a"]}
    assert found("budg%C3%A9taires") == {said["a"]} and found("budget") == {said["c"]}
    assert found("l%E2%80%99%C3%A9tat") == {said["a"], said["d"]}  # typographic apostrophe, like the text's
    assert found("major%20etat") == {said["d"]}  # hyphens separate words; order does not matter
    assert found("%C2%AB%20%21") == set()  # no word at all: nothing
    # a quote's words follow it: re-posted with other words, then deleted
    store_client.post("/v1/articles", json={"text": "« Le déficit est tenu », a affirmé Marie Dupont.", "external_id": "c"})
    assert found("budget") == set() and found("deficit") == {"Le déficit est tenu"}
    stored = store_client.get("/v1/quotes?q=deficit").get_json()["items"][0]
    assert store_client.delete(f"/v1/articles/{stored['article_id']}").status_code == 204
    assert found("deficit") == set()


def test_a_word_whose_bits_a_quote_has_is_still_looked_up(store_client):
    """The signature test lets through quotes that only may hold the other words of q=: one that
    has a word's bits without the word is not found."""
    from service.store.queries import word_bits, words_of, words_signature

    text = "« Le conseil municipal votera le budget des écoles en juin », a déclaré Marie Dupont."
    assert store_client.post("/v1/articles", json={"text": text}).status_code == 201
    said = words_of(text.split("»")[0])
    signature = words_signature(said)
    lookalike = next(word for word in (f"mot{i}" for i in range(100_000))
                     if word_bits(word) & signature == word_bits(word))  # both halves

    def found(query: str) -> int:
        return len(all_pages(store_client, f"/v1/quotes?q={query}&limit=1"))

    assert found("budget") == found("budget%20ecoles") == found("juin%20conseil") == 1
    assert found(f"budget%20{lookalike}") == found(f"{lookalike}%20juin") == 0


def test_a_signature_holds_the_bits_of_each_of_its_words_and_never_changes():
    from service.store.queries import SIGNATURE_BITS, signature_columns, word_bits, words_signature

    words = ["budget", "ecoles", "l", "etat", "2024"]
    signature = words_signature(words)
    for word in words:
        bits = word_bits(word)
        low, high = bits & (2**SIGNATURE_BITS - 1), bits >> SIGNATURE_BITS
        assert 1 <= bin(low).count("1") <= 2 and 1 <= bin(high).count("1") <= 2 and high < 2**SIGNATURE_BITS
        assert signature & bits == bits
    assert signature == word_bits("budget") | word_bits("ecoles") | word_bits("l") | word_bits("etat") | word_bits("2024")
    assert words_signature([]) == 0
    assert signature_columns(words) == {"signature": signature & (2**SIGNATURE_BITS - 1),
                                        "signature_high": signature >> SIGNATURE_BITS}
    # stored in quote_words: a new hash needs a migration that computes every signature again. The
    # low half is the one of migration 0009, the high half that of 0011
    assert word_bits("budget") == 0x800000400000 << SIGNATURE_BITS | 0x28000


def test_json_pages_write_dates_as_the_schema_does(store_client, seeded):
    from service.api.schemas import stored_quote_json

    store_client.post("/v1/articles", json={"text": "« Oui », a dit Jeanne Marin.", "external_id": "micro",
                                            "published_at": "2024-06-19T08:00:00.123456+02:00"})
    with store_client.application.extensions["db_engine"].connect() as connection:
        from service.store.queries import QuoteFilters, page, quotes_query
        rows, _ = page(connection, quotes_query(connection, QuoteFilters()), 200, None)
    body = store_client.get("/v1/quotes?limit=200").get_json()["items"]
    assert body == [stored_quote_json(r) for r in rows]
    assert "2024-06-19T06:00:00.123456Z" in {q["published_at"] for q in body}
