"""Schemas shared by several resources: a quote and its parts, as the API returns them."""
from __future__ import annotations

import marshmallow as ma

from ..store.models import MAX_ID, Quote
from ..store.queries import quote_row
from .timestamps import UtcDateTime, rfc3339

# filter values are words; NUL cannot be stored in PostgreSQL text. Both are documented as patterns.
WORDS = ma.validate.Regexp(r"^[^\x00-\x1f\x7f]*$", error="Control characters are not allowed here.")
NO_NUL = ma.validate.Regexp(r"^[^\x00]*$", error="NUL characters (U+0000) cannot be stored.")


class Text(ma.fields.String):
    """A string that is Unicode text: JSON can spell a lone surrogate (``"\\ud800"``), which can
    be neither encoded, analysed nor stored, so it is a 400 naming the field. Every string the
    API reads is one of these."""

    default_error_messages = {"surrogate": "Lone surrogates (U+D800 to U+DFFF) are not Unicode text."}

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        try:
            text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise self.make_error("surrogate") from error
        return text


class TextSpanSchema(ma.Schema):
    text = ma.fields.String(required=True)
    start = ma.fields.Integer(required=True, metadata={"description": "Offset of the first character"})
    end = ma.fields.Integer(required=True, metadata={"description": "Offset after the last character"})


class SpeakerSchema(ma.Schema):
    name = ma.fields.String(required=True, metadata={"description": "Full canonical name used in the article"})
    role = ma.fields.String(required=True, allow_none=True, metadata={"description": "Title or affiliation the article gives"})
    type = ma.fields.String(required=True, validate=ma.validate.OneOf(["person", "organisation"]))
    mention = ma.fields.Nested(TextSpanSchema, required=True, allow_none=True,
                               metadata={"description": "The words naming the speaker for this quote"})


QUOTE_KINDS = ["direct", "partial", "indirect"]


class QuoteSchema(ma.Schema):
    text = ma.fields.String(required=True, metadata={"description": "The quoted words: input[start:end]"})
    start = ma.fields.Integer(required=True)
    end = ma.fields.Integer(required=True)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(QUOTE_KINDS),
                            metadata={"description": "direct: whole sentences; partial: words inside the journalist's "
                                                     "sentence; indirect: reported speech without marks"})
    speaker = ma.fields.Nested(SpeakerSchema, required=True, allow_none=True)
    cue = ma.fields.Nested(TextSpanSchema, required=True, allow_none=True,
                           metadata={"description": "The reporting words: « a déclaré », « selon »"})
    confidence = ma.fields.Float(required=True, metadata={"description": "0 to 1"})


class StoredSpeakerSchema(SpeakerSchema):
    id = ma.fields.Integer(required=True, allow_none=True, metadata={"description": "Speaker id across articles"})


class ArticleRefSchema(ma.Schema):
    """The article a stored quote comes from, as it was posted."""

    id = ma.fields.Integer(required=True)
    title = ma.fields.String(required=True, allow_none=True)
    url = ma.fields.String(required=True, allow_none=True)
    outlet = ma.fields.String(required=True, allow_none=True)
    published_at = UtcDateTime(required=True, allow_none=True)


class CorrectedSchema(ma.Schema):
    at = UtcDateTime(required=True)
    by = ma.fields.String(required=True, metadata={"description": "Label of the API key that made the last correction"})


class StoredQuoteSchema(QuoteSchema):
    """A stored quote: the /v1/extract fields plus its ids, its article and its corrections."""

    id = ma.fields.Integer(required=True)
    article_id = ma.fields.Integer(required=True)
    published_at = UtcDateTime(required=True, allow_none=True)
    speaker = ma.fields.Nested(StoredSpeakerSchema, required=True, allow_none=True)
    article = ma.fields.Nested(ArticleRefSchema, required=True)
    rejected = ma.fields.Boolean(required=True, metadata={"description": "A person said this is not a quote"})
    corrected = ma.fields.Nested(CorrectedSchema, required=True, allow_none=True,
                                 metadata={"description": "The last correction by a person, if any"})

    @ma.pre_dump
    def from_row(self, row, **_):
        return row if isinstance(row, dict) else stored_quote_fields(row)


def stored_quote_fields(row) -> dict:
    """A row of ``quotes_query`` (or a ``Quote`` object) shaped like ``StoredQuoteSchema``."""
    # unpacked by position (the order of QUOTE_ROW_COLUMNS): a list of 200 quotes is shaped in one pass
    (id_, article_id, speaker_id, text, start, end, kind, confidence, speaker_name, speaker_type, role,
     mention_text, mention_start, mention_end, cue_text, cue_start, cue_end, published_at, _sort_at, rejected,
     corrected_at, corrected_by, speaker_canonical_name, article_title, article_url,
     article_outlet) = quote_row(row) if isinstance(row, Quote) else row
    speaker = None
    if speaker_name is not None:
        speaker = {"id": speaker_id, "name": speaker_name if speaker_canonical_name is None else speaker_canonical_name,
                   "role": role, "type": speaker_type,
                   "mention": None if mention_text is None else
                   {"text": mention_text, "start": mention_start, "end": mention_end}}
    return {"id": id_, "article_id": article_id, "published_at": published_at,
            "text": text, "start": start, "end": end, "kind": kind, "confidence": confidence, "speaker": speaker,
            "cue": None if cue_text is None else {"text": cue_text, "start": cue_start, "end": cue_end},
            "article": {"id": article_id, "title": article_title, "url": article_url, "outlet": article_outlet,
                        "published_at": published_at},
            "rejected": bool(rejected),
            "corrected": None if corrected_at is None else {"at": corrected_at, "by": corrected_by}}


def stored_quote_json(row) -> dict:
    """``StoredQuoteSchema().dump(row)`` without marshmallow's per-field cost, for long lists
    (tests/api/test_store_api.py holds the two equal)."""
    fields = stored_quote_fields(row)
    for holder in (fields, fields["article"]):
        if holder["published_at"] is not None:
            holder["published_at"] = rfc3339(holder["published_at"])
    if fields["corrected"] is not None:
        fields["corrected"]["at"] = rfc3339(fields["corrected"]["at"])
    return fields


class PageSchema(ma.Schema):
    next = ma.fields.String(required=True, allow_none=True,
                            metadata={"description": "Cursor of the next page, to pass back as cursor="})


class QuotePageSchema(PageSchema):
    items = ma.fields.List(ma.fields.Nested(StoredQuoteSchema), required=True)


class ListArgsSchema(ma.Schema):
    """Paging and output format shared by the list endpoints."""

    class Meta:
        unknown = ma.RAISE

    limit = ma.fields.Integer(load_default=50, validate=ma.validate.Range(1, 200))
    cursor = Text(validate=ma.validate.Length(max=200))
    format = Text(validate=ma.validate.OneOf(["json", "ndjson", "csv"]),
                              metadata={"description": "Same as Accept: application/x-ndjson or text/csv"})


class QuoteFiltersSchema(ListArgsSchema):
    speaker = Text(validate=[ma.validate.Length(1, 200), WORDS],
                               metadata={"description": "Speaker id, or words of a name (accent-, case- and hyphen-insensitive)"})
    q = Text(validate=[ma.validate.Length(1, 500), WORDS], metadata={"description": (
        "Words of the quote, every one of them, as whole words: case, accents, hyphens and apostrophes "
        "are ignored (etat finds « l'État »), other marks separate words; a q with no letter nor digit "
        "finds nothing")})
    role = Text(validate=[ma.validate.Length(1, 200), WORDS])
    article = ma.fields.Integer(validate=ma.validate.Range(1, MAX_ID))
    since = UtcDateTime(metadata={"description": "Published at or after (ISO 8601)"})
    until = UtcDateTime(metadata={"description": "Published at or before (ISO 8601)"})
    kind = Text(validate=ma.validate.Regexp(rf"^({'|'.join(QUOTE_KINDS)})(,({'|'.join(QUOTE_KINDS)}))*$",
                                            error="One kind or a comma list of: " + ", ".join(QUOTE_KINDS) + "."),
                metadata={"description": "One kind or a comma list: direct,partial"})
    include_rejected = ma.fields.Boolean(load_default=False,
                                         metadata={"description": "Also the quotes a person rejected"})
