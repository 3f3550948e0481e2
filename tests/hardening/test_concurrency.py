"""Eight threads posting at once, the same article and different ones: one article per id, no
duplicate quotes, one speaker per person, on SQLite and PostgreSQL."""
from __future__ import annotations

import threading
from collections import Counter

from sqlalchemy import func, select

from service.store.models import Article, Quote, Speaker

TEXT = ("« Nous ne fermerons aucune classe », a promis Rémi Castel, recteur de l'académie. "
        "Le syndicat Sud Éducation a répondu : « Nous jugerons sur pièces. »")


def test_eight_threads_posting_same_and_different_articles(store_app):
    # threads 0-3 race on one external_id; threads 4-7 post their own, quoting the same people
    bodies = [{"text": TEXT, "external_id": "shared"}] * 4 + [
        {"text": f"Dépêche {n}. {TEXT}", "external_id": f"own-{n}"} for n in range(4, 8)]
    barrier = threading.Barrier(len(bodies))
    statuses: list[int] = []

    def post(body):
        client = store_app.test_client()
        barrier.wait()
        for _ in range(3):  # each thread posts its article three times
            statuses.append(client.post("/v1/articles", json=body).status_code)

    threads = [threading.Thread(target=post, args=(body,)) for body in bodies]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    assert Counter(statuses) == Counter({201: 5, 200: 19})  # 5 ids created once, every other post updates
    with store_app.extensions["db_read"]() as session:
        ids = session.scalars(select(Article.external_id)).all()
        assert sorted(ids) == ["own-4", "own-5", "own-6", "own-7", "shared"]
        spans = session.execute(select(Quote.article_id, Quote.start, Quote.end)).all()
        assert len(spans) == len(set(spans)) == 2 * 5
        speakers = session.scalars(select(Speaker.key)).all()
        assert len(speakers) == len(set(speakers)) == 2
        per_speaker = session.execute(select(Quote.speaker_id, func.count()).group_by(Quote.speaker_id)).all()
        assert sorted(count for _, count in per_speaker) == [5, 5]
