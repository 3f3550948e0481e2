"""Shared builder for the gold annotation of the dev sets (tests/devset*/make_gold.py).

Annotation conventions:
- Each annotation names its span by its exact words (quotation marks and the spaces just inside
  them excluded), never by offsets; `Q(...)` is a quote with its speaker, speaker mentions, role
  and cue, `N(...)` a quoted string that is not a quote (a title, a word cited as a word...).
- Offsets are found with str.find on the file text read as UTF-8 with newline=''. Finding is done
  on a folded copy (typographic apostrophes, no-break spaces and curly quotes mapped one-for-one to
  plain characters, so offsets are unchanged); the stored "text" is the original slice, and
  speaker / mentions / role / cue are stored as the article writes them when they occur in it.
- A needle must occur exactly once, unless `after` names an anchor: then the first occurrence
  after the end of the anchor, which must itself occur exactly once (after_mode="end"), or - as
  tests/devset was built - the first occurrence from the start of the anchor's first occurrence
  (after_mode="start").
- Every span must start and end on a word or punctuation; no span is annotated twice; with
  check_mentions, every speaker mention, role and cue must be words of the article.

build() writes gold.jsonl (every article, in annotation order) and its dev.jsonl / holdout.jsonl
splits (articles chosen by the id prefix before the first "_"), then re-reads the three files and
checks every span against the articles.
"""
import json
import pathlib

FOLD = str.maketrans({"\u2019": "'", "\u00a0": " ", "\u202f": " ", "\u201c": '"', "\u201d": '"'})
OPEN, CLOSE = "«“‹", "»”›"


def Q(text, speaker, mentions, role, cue, optional=False, after=None):
    return dict(q=text, speaker=speaker, mentions=mentions, role=role, cue=cue, optional=optional, after=after)


def N(text, after=None):
    return dict(q=text, after=after)


def locate(folded, q, after, after_mode="end"):
    fq = q.translate(FOLD)
    if after:
        fa = after.translate(FOLD)
        if after_mode == "start":
            base = folded.find(fa)
            assert base >= 0, f"anchor not found: {after!r}"
        else:
            assert folded.count(fa) == 1, f"anchor not exactly once: {after!r}"
            base = folded.find(fa) + len(fa)
        start = folded.find(fq, base)
    else:
        n = folded.count(fq)
        assert n == 1, f"not exactly once ({n}): {q!r}"
        start = folded.find(fq)
    assert start >= 0, f"not found: {q!r}"
    return start, start + len(fq)


def surface(text, s):
    """The annotation string as the article writes it (apostrophes, spaces), if it occurs there."""
    if s is None:
        return None
    i = text.translate(FOLD).find(s.translate(FOLD))
    return text[i:i + len(s)] if i >= 0 else s


def check_span(text, s, e):
    """The span must start and end on a word or punctuation, not on a space or a quotation mark."""
    assert text[s:e] == text[s:e].strip(" \u00a0\u202f\n"), (s, e, text[s:e])
    assert text[s] not in OPEN + CLOSE + '"' and text[e - 1] not in OPEN + CLOSE + '"', text[s:e]


def check_mentions(doc_id, text, a):
    """Every speaker mention, the role and the cue must be words of the article."""
    folded = text.translate(FOLD)
    for m in a["mentions"] + [a["role"], a["cue"]]:
        assert m is None or m.translate(FOLD) in folded, f"{doc_id}: not in the article: {m!r}"


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8", newline="") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")


def read_text(path):
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def build_doc(here, doc_id, ann, after_mode="end", mentions=True):
    path = here / f"{doc_id}.txt"
    text = read_text(path)
    folded = text.translate(FOLD)
    assert len(folded) == len(text)
    quotes, nqs = [], []
    for a in ann["quotes"]:
        s, e = locate(folded, a["q"], a["after"], after_mode)
        check_span(text, s, e)
        if mentions:
            check_mentions(doc_id, text, a)
        quotes.append(dict(start=s, end=e, text=text[s:e], speaker=surface(text, a["speaker"]),
                           speaker_mentions=[surface(text, m) for m in a["mentions"]],
                           role=surface(text, a["role"]), cue=surface(text, a["cue"]),
                           optional=a["optional"]))
    for a in ann["non_quotes"]:
        s, e = locate(folded, a["q"], a["after"], after_mode)
        check_span(text, s, e)
        nqs.append(dict(start=s, end=e, text=text[s:e]))
    quotes.sort(key=lambda q: q["start"])
    nqs.sort(key=lambda q: q["start"])
    spans = sorted((q["start"], q["end"]) for q in quotes + nqs)
    assert len(set(spans)) == len(spans), f"{doc_id}: the same span annotated twice"
    return dict(id=doc_id, file=path.name, quotes=quotes, non_quotes=nqs)


def build(here, ann, dev, holdout, *, after_mode="end", check_mentions=True):
    """Write here/{gold,dev,holdout}.jsonl from the annotations `ann` ({doc_id: dict(quotes, non_quotes)}).

    `dev` / `holdout` are the id prefixes (the part before the first "_") of the two splits.
    """
    here = pathlib.Path(here)
    out = [build_doc(here, doc_id, a, after_mode, check_mentions) for doc_id, a in ann.items()]
    prefix = {d["id"]: d["id"].split("_", 1)[0] for d in out}
    assert not set(dev) & set(holdout), "an article in both dev and holdout"
    assert len(out) == len(dev) + len(holdout) and set(prefix.values()) == set(dev) | set(holdout)
    write_jsonl(here / "gold.jsonl", out)
    write_jsonl(here / "dev.jsonl", [d for d in out if prefix[d["id"]] in dev])
    write_jsonl(here / "holdout.jsonl", [d for d in out if prefix[d["id"]] in holdout])
    # re-read and verify every span against the files ("file" is relative to the jsonl's folder)
    for name in ("gold.jsonl", "dev.jsonl", "holdout.jsonl"):
        for line in open(here / name, encoding="utf-8"):
            d = json.loads(line)
            text = read_text(here / d["file"])
            for x in d["quotes"] + d["non_quotes"]:
                assert text[x["start"]:x["end"]] == x["text"], (name, d["id"], x["text"])
    print(f"{len(out)} articles, {sum(len(d['quotes']) for d in out)} quotes "
          f"({sum(q['optional'] for d in out for q in d['quotes'])} optional), "
          f"{sum(len(d['non_quotes']) for d in out)} non-quotes")
    for d in out:
        print(f"  {d['id']}: {len(d['quotes'])} quotes ({sum(q['optional'] for q in d['quotes'])} optional), "
              f"{len(d['non_quotes'])} non-quotes")
    return out
