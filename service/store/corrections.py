"""Corrections people make to quotes, and how they survive re-extraction.

A correction is a JSON merge patch over two fields of a quote: ``speaker`` (``{"name",
"role", "type"}`` or ``null``) and ``rejected``. Each one is kept in ``quote_corrections``
with the state before and after. When an article is stored again, its quotes are extracted
anew; every stored correction is then replayed on the new quote with the same words (the
nearest one to the old offsets), so a human decision outlives the extractor's next guess.
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..nlp.normalize import name_key
from .models import Quote, QuoteCorrection, SpeakerRole
from .queries import (_insert_ignore, add_quote_counts, bump_version, index_speaker_name, listed_by_speaker,
                      resolve_speaker)


class CorrectionError(ValueError):
    """The patch cannot apply to this quote (e.g. a role for a quote that has no speaker)."""


def quote_state(quote: Quote) -> dict:
    """The fields a correction can change, as they are now."""
    speaker = None
    if quote.speaker_name is not None:
        speaker = {"name": quote.speaker.name if quote.speaker else quote.speaker_name,
                   "role": quote.role, "type": quote.speaker_type}
    return {"speaker": speaker, "rejected": bool(quote.rejected)}


def apply_patch(session: Session, quote: Quote, patch: dict) -> None:
    """Apply a merge patch to ``quote``. A new ``speaker.name`` is linked like an extracted one
    (``resolve_speaker``) and takes the patch's role or none; a patch without a name changes the
    role or type of the current speaker."""
    if "speaker" in patch:
        wanted = patch["speaker"]
        if wanted is None:
            _set_speaker(quote, None, None, None, None)
        else:
            same_person = "name" not in wanted or (quote.speaker_name is not None
                                                    and name_key(wanted["name"]) == name_key(quote.speaker_name))
            if "name" not in wanted and quote.speaker_name is None:
                raise CorrectionError("This quote has no speaker: give speaker.name.")
            if "name" in wanted and not wanted["name"].strip():
                raise CorrectionError("speaker.name is blank.")
            name = wanted.get("name") or quote.speaker_name
            type_ = wanted.get("type") or (quote.speaker_type if same_person else None) or "person"
            role = wanted["role"] if "role" in wanted else (quote.role if same_person else None)
            speaker = resolve_speaker(session, name, type_)
            if not same_person:
                quote.mention_text = quote.mention_start = quote.mention_end = None
            _set_speaker(quote, speaker, name, type_, role)
            if role:
                _insert_ignore(session, SpeakerRole, {
                    "speaker_id": speaker.id, "article_id": quote.article_id, "role": role,
                    "key": name_key(role), "published_at": quote.published_at})
    if "rejected" in patch:
        quote.rejected = bool(patch["rejected"])


def _set_speaker(quote: Quote, speaker, name, type_, role) -> None:
    quote.speaker = speaker
    quote.speaker_canonical_name = speaker.name if speaker else None
    quote.speaker_name, quote.speaker_type = name, type_
    quote.role, quote.role_key = role, (name_key(role) if role else None)
    if speaker is None:
        quote.mention_text = quote.mention_start = quote.mention_end = None


def correct_quote(session: Session, quote: Quote, patch: dict, by: str, now: datetime) -> QuoteCorrection | None:
    """Apply ``patch`` to ``quote`` and record it (who, when, before, after), in the caller's
    transaction. An empty patch changes nothing and records nothing (``None``)."""
    if not patch:
        return None
    before, listed_before, speaker_before = quote_state(quote), listed_by_speaker([quote]), quote.speaker_id
    apply_patch(session, quote, patch)
    quote.corrected_at, quote.corrected_by = now, by
    correction = QuoteCorrection(article_id=quote.article_id, quote_id=quote.id, quote_text=quote.text,
                                 quote_start=quote.start, quote_end=quote.end, at=now, by=by,
                                 changes=patch, before=before, after=quote_state(quote))
    session.add(correction)
    session.flush()  # quote.speaker_id follows quote.speaker
    if quote.speaker_id != speaker_before:  # a name search finds the quote under its new speaker
        index_speaker_name(session, quote)
    add_quote_counts(session, listed_by_speaker([quote]), listed_before)
    bump_version(session)
    session.flush()
    return correction


def quote_history(session: Session, quote_id: int) -> list[QuoteCorrection]:
    """Every correction of a quote, oldest first."""
    return list(session.scalars(select(QuoteCorrection).where(QuoteCorrection.quote_id == quote_id)
                                .order_by(QuoteCorrection.id)))


def reapply_corrections(session: Session, article_id: int) -> int:
    """Replay the stored corrections of an article on its freshly extracted quotes; each goes to
    the new quote with the same words (else one whose span the extractor merely widened or
    narrowed), nearest to its old offsets, and follows it (``quote_id``, offsets, words). A
    correction whose words are gone stays in the history, attached to nothing. Returns the
    number of quotes corrected."""
    corrections = list(session.scalars(select(QuoteCorrection).where(QuoteCorrection.article_id == article_id)
                                       .order_by(QuoteCorrection.id)))
    if not corrections:
        return 0
    by_quote: dict[int, list[QuoteCorrection]] = {}
    for correction in corrections:
        by_quote.setdefault(correction.quote_id, []).append(correction)
    quotes = list(session.scalars(select(Quote).where(Quote.article_id == article_id).order_by(Quote.start)))
    taken: set[int] = set()
    matched = 0
    for same in (lambda new, old: new == old, _same_words_resized):  # exact words first, for every group
        for quote_id, group in list(by_quote.items()):
            anchor = group[-1]
            candidates = [q for q in quotes if q.id not in taken and same(q.text, anchor.quote_text)]
            if not candidates:
                continue
            quote = min(candidates, key=lambda q: abs(q.start - anchor.quote_start))
            taken.add(quote.id)
            del by_quote[quote_id]
            for correction in group:
                try:
                    apply_patch(session, quote, correction.changes)
                except CorrectionError:  # a role for a speaker the new extraction no longer gives
                    pass
                correction.quote_id, correction.quote_start, correction.quote_end = quote.id, quote.start, quote.end
                correction.quote_text = quote.text
            quote.corrected_at, quote.corrected_by = anchor.at, anchor.by
            matched += 1
    session.flush()
    return matched


def _same_words_resized(new: str, old: str) -> bool:
    """One quote's words inside the other's, most of them shared: the same quote after the
    extractor moved a boundary (a closing phrase, an incise), not a different one."""
    short, long_ = sorted((new.strip(), old.strip()), key=len)
    return bool(short) and short in long_ and len(short) >= 0.6 * len(long_)
