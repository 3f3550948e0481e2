"""Schemas shared by several resources: a quote and its parts, as the API returns them."""
from __future__ import annotations

import marshmallow as ma


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


class QuoteSchema(ma.Schema):
    text = ma.fields.String(required=True, metadata={"description": "The quoted words: input[start:end]"})
    start = ma.fields.Integer(required=True)
    end = ma.fields.Integer(required=True)
    kind = ma.fields.String(required=True, validate=ma.validate.OneOf(["direct", "partial"]),
                            metadata={"description": "direct: whole sentences; partial: words inside the journalist's sentence"})
    speaker = ma.fields.Nested(SpeakerSchema, required=True, allow_none=True)
    cue = ma.fields.Nested(TextSpanSchema, required=True, allow_none=True,
                           metadata={"description": "The reporting words: « a déclaré », « selon »"})
    confidence = ma.fields.Float(required=True, metadata={"description": "0 to 1"})
