"""Step 1b — interview turns: direct speech that the page sets out by a label, not by marks.

A question-and-answer interview prints each turn as a paragraph opened by the speaker's label
and a colon. The answers are the interviewee's words, quoted whole::

    >>> [(t.label, t.text) for t in find_interview_turns(
    ...     "Q: Quel chemin avez-vous parcouru ?\\n\\nR: Mon premier album était un ramassis.")]
    [('R', 'Mon premier album était un ramassis.')]

Labels are ``R``/``Réponse`` (the interviewee), ``Q``/``Question`` (the journalist), or a name
(``Hassan Ali Joho (HAJ) :``, then ``HAJ :``). A label whose turns are all questions is the
interviewer's. A page needs two labelled turns before any counts: one « Bilan : … » is a lead-in.

A page that says it is an interview (« Entretien avec … », « … Entretien. », « Propos recueillis par », « X
répond à nos questions ») may
print its questions with no label, each a paragraph ending in « ? » (set in bold on the page), or
both turns after a dash (« — Comment … ? », « — Par un coup de fil. »). The paragraphs after each
of at least two questions, up to the next one, are answers (label ``R``).
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass

ANSWER_LABELS = {"r", "réponse", "rep", "rép"}
QUESTION_LABELS = {"q", "question", "qu"}
_LABEL = re.compile(r"(?P<label>[^\n:«»“”\"?!.;,]{1,60}?)\s*[:：]\s+(?P<body>\S)")
_PARTICLES = {"de", "du", "des", "d", "la", "le", "les", "l", "van", "von", "der", "den", "ben", "ibn",
              "bin", "el", "al", "da", "di", "dos", "y"}
_OPENING_MARKS = "«“\"„‹‘"  # « X : « … » »: the marks already say it
_EDITOR_NOTE = re.compile(r"\s*(?:\[[^\]\n]*N\.?\s?D\.?\s?L\.?\s?R\.?\s*\]|[-–—(]\s(?:(?!\s[-–—])[^()\n])*?N\.?D\.?L\.?R\.?\s*[-–—)])[,;]?\s*",
                          re.IGNORECASE)
_INITIALS = re.compile(r"\(([A-ZÀ-Ý]{2,6})\)")
# what a page that is an interview says of itself, in a heading, its lead or its last line
# a line that opens on it (« Entretien avec … », « Trois questions à … », « Propos recueillis par … »)
# or a lead that ends on it (« … défend un plan ambitieux. Entretien. »); not « dans un entretien au Monde »
# or says that someone answers its questions (« X, maire de Brest, répond à nos questions »)
_INTERVIEW_LINE = re.compile(r"^[ \t]*(?:(?:entretien|interview|rencontre)\b|propos recueillis par|(?:\w+[ \t]+)?questions à)"
                             r"|\b(?:entretien|interview)[ \t]*[.!]?[ \t]*$"
                             r"|\br[ée]pond(?:u|ait)?[ \t]+(?:à[ \t]+nos|aux)[ \t]+questions\b", re.IGNORECASE | re.MULTILINE)
_DASH = re.compile(r"[—–-]\s+")
MIN_UNLABELLED_QUESTIONS = 2


@dataclass(frozen=True)
class InterviewTurn:
    """The words of one answer, as article offsets, and the label that names who gave it."""

    label: str  # as printed, initials in parentheses removed: « Hassan Ali Joho »
    start: int
    end: int
    text: str


def find_interview_turns(text: str) -> list[InterviewTurn]:
    """The answers of a question-and-answer page, in text order (empty for other articles)."""
    labelled, answers_a_question = [], []
    previous = ""
    for para in re.finditer(r"[^\n]+", text):
        line = para.group()
        if not line.strip():
            continue
        m = _LABEL.match(line)
        if m and _is_label(m.group("label")) and m.group("body") not in _OPENING_MARKS:
            labelled.append((m.group("label").strip(), para.start() + m.start("body"), para.end()))
            answers_a_question.append(previous.rstrip().endswith("?"))
        previous = line
    if len(labelled) < 2:  # one « Bilan : … » is a lead-in, unless it answers the question before it
        labelled = [t for t, answers in zip(labelled, answers_a_question) if answers and len(t[0].split()) > 1]
    if not labelled:
        labelled = _unlabelled_answers(text)
    aliases = {}  # « HAJ » -> « Hassan Ali Joho »
    for label, _, _ in labelled:
        full = _INITIALS.sub("", label).strip()
        for initials in _INITIALS.findall(label):
            aliases[initials] = full
    by_label: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for label, start, end in labelled:
        name = aliases.get(label, _INITIALS.sub("", label).strip())
        by_label[name].append((start, end))
    names = [n for n in by_label if len(by_label[n]) > 1 or n.lower() in ANSWER_LABELS or len(labelled) == 1]
    if not names:
        return []
    turns = []
    for name in names:
        body = [_trimmed(text, s, e) for s, e in by_label[name]]
        if name.lower() in QUESTION_LABELS or all(text[e - 1] == "?" for s, e in body if e > s):
            continue  # the journalist's questions
        turns += [InterviewTurn(name, s, e, text[s:e]) for start, end in body for s, e in _editor_notes_out(text, start, end)]
    return sorted(turns, key=lambda t: t.start)


def _unlabelled_answers(text: str) -> list[tuple[str, int, int]]:
    """``("R", start, end)`` of each answer paragraph of an interview whose questions have no label:
    paragraphs after a question (a paragraph ending in « ? », alone or after a dash; once one is
    asked, a short one trailing off in « … »), up to the next one. None unless the page calls
    itself an interview and asks at least two questions."""
    if not _INTERVIEW_LINE.search(text):
        return []
    answers, questions, asked = [], 0, False
    for para in re.finditer(r"[^\n]+", text):
        line = para.group().strip()
        if not line:
            continue
        dash = _DASH.match(para.group().lstrip())
        body = line[dash.end():] if dash else line
        # a question may trail off: « Les commerçants s'inquiètent pourtant… »
        if (body.endswith("?") and len(body) <= 400 or asked and body.endswith(("…", "...")) and len(body) <= 150) \
                and body[:1] not in _OPENING_MARKS:
            questions, asked = questions + 1, True
        elif asked and body[:1] not in _OPENING_MARKS and not _INTERVIEW_LINE.match(body):
            start = para.start() + len(para.group()) - len(para.group().lstrip()) + (dash.end() if dash else 0)
            answers.append(("R", start, para.end()))
    return answers if questions >= MIN_UNLABELLED_QUESTIONS else []


def _is_label(label: str) -> bool:
    """« R », « Hassan Ali Joho (HAJ) », « Shurik’n », not « Tout a basculé le 11 mai »: every
    word capitalised, but name particles; no figures."""
    words = re.findall(r"[\w’'-]+|\([^)]*\)", label)
    if not words or len(words) > 6 or any(ch.isdigit() for ch in label):
        return False
    for w in words:
        if w.startswith("("):
            continue
        if w.lower().rstrip("’'") in _PARTICLES:
            continue
        if not w[0].isupper():
            return False
    return not all(w.lower().rstrip("’'") in _PARTICLES for w in words if not w.startswith("("))


def _editor_notes_out(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """An editor's note splits the answer: « … sur le GR 5 - ce périple, NDLR -, j'ai retrouvé … »."""
    pieces, last = [], start
    for note in _EDITOR_NOTE.finditer(text, start, end):
        pieces.append(_trimmed(text, last, note.start()))
        last = note.end()
    pieces.append(_trimmed(text, last, end))
    return [(s, e) for s, e in pieces if any(ch.isalnum() for ch in text[s:e])]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
