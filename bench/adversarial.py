"""Extraction cost per character of hostile texts against real articles, measured in the same run.

    python bench/adversarial.py [--size BYTES] [--only NAME ...]

Each generator builds a text of ``--size`` UTF-8 bytes (default: ``QUOTES_MAX_TEXT_BYTES``, the
largest text the service accepts); the realistic text is the bundled articles (``seeds/``,
``tests/devset*/``, ``tests/realdev/``) one after the other up to the same size, timed before,
between and after the generators (median). Prints seconds, microseconds per character and the
ratio to the realistic cost per character. Bar: the worst ratio stays at or below 3, so that
the size limit and the worker timeout chosen for real articles hold for any text.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

# a script in bench/ named like a standard module would shadow it: keep bench/ off the path
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

from service.config import load_config  # noqa: E402
from service.nlp import get_extractor  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
NAMES = ["Jean Dupont", "Marie Durand", "Paul Martin", "Anne Lefèvre", "Karim Benali", "Sophie Morel",
         "Luc Bernard", "Fatou Diop", "Hugo Petit", "Claire Roux"]


def fill(unit: str | Callable[[int], str], size: int) -> str:
    """``unit`` repeated (or called with a counter) until the text reaches ``size`` UTF-8 bytes."""
    parts, total, i = [], 0, 0
    while total < size:
        part = unit(i) if callable(unit) else unit
        parts.append(part)
        total += len(part.encode("utf-8"))
        i += 1
    return _cut("".join(parts), size)


def _cut(text: str, size: int) -> str:
    return text.encode("utf-8")[:size].decode("utf-8", errors="ignore")


def run_of(mark: str) -> Callable[[int], str]:
    return lambda size: _cut(mark * size, size // 2) + " x " + _cut(mark * size, size // 2)


GENERATORS: dict[str, Callable[[int], str]] = {
    **{f"run of {m}": run_of(m) for m in "«»“”„‹›\"‘’"},
    "« x » runs": lambda size: fill("«", size // 2) + " x " + fill("»", size // 2),
    "alternating «»": lambda size: fill("«»", size),
    "reversed »«": lambda size: fill("» x « ", size),
    "alternating “” spaced": lambda size: fill("“ ” ", size),
    "reversed ”“": lambda size: fill("”“", size),
    "straight quotes": lambda size: fill('"', size),
    "open « then “ runs, close ›": lambda size: "« " + fill("“", size // 2) + fill("›", size // 2),
    "tiny straight quotes": lambda size: fill('"a" ', size),
    "tiny « » quotes": lambda size: fill("« a » ", size),
    "tiny quotes with cues": lambda size: fill("Il a dit « oui » puis ", size),
    "doubled single marks": lambda size: fill("‘’a’’ ", size),
    "one huge paragraph": lambda size: fill(lambda i: REAL_PARAGRAPHS[i % len(REAL_PARAGRAPHS)] + " ", size),
    "thousands of paragraphs": lambda size: fill("« Oui », a dit Paul.\n", size),
    "thousands of empty quotes": lambda size: fill("«»\n", size),
    "unclosed quote per paragraph": lambda size: fill("Le maire évoque « un projet.\n\n", size),
    "dialogue replies": lambda size: "« — Pourquoi ?\n" + fill("— Je ne sais pas.\n", size) + " »",
    "interview turns": lambda size: fill("Q : « Vraiment ? »\nR : « Oui. »\n", size),
    "unlabelled interview": lambda size: "Entretien avec Paul Martin.\n" + fill(
        lambda i: f"Pourquoi {NAMES[i % 10]} ?\nParce que {NAMES[(i + 1) % 10]} l'a dit.\n", size),
    "many entities": lambda size: fill(lambda i: f"{NAMES[i % 10]}, {NAMES[(i + 3) % 10]} et {NAMES[(i + 7) % 10]} "
                                               f"ont dit « oui ». ", size),
    "many entities, one quote": lambda size: "« Oui », ont dit " + fill(lambda i: NAMES[i % 10] + ", ", size),
    "no spaces": lambda size: fill("abcdefghij", size),
    "many distinct names": lambda size: fill(lambda i: f"« Oui », a dit {NAMES[i % 10].split()[0]} {_surname(i)}. ", size),
    # one sentence of « ce dernier » cues after a described person: each looks back for the description
    "the latter in one sentence": lambda size: "Il a vu un dirigeant du club, " + fill(
        "et ce dernier lui a répondu que « tout va bien », ", size),
    "reversed marks after colons": lambda size: fill("Il a dit : » Oui. » ", size),
}


def _surname(i: int) -> str:
    """A different surname for each ``i``: Bacar, Becar, … (two letters for each digit of ``i`` in base 70)."""
    consonants, vowels, letters = "bcdfglmnprstvz", "aeiou", []
    while True:
        i, r = divmod(i, 70)
        letters.append(consonants[r % 14] + vowels[r // 14])
        if not i:
            break
    return "".join(letters).capitalize() + "ran"


def realistic_texts() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(ROOT.glob("tests/devset*/*.txt")) \
        + sorted((ROOT / "tests" / "realdev").glob("*.txt"))
    return [f.read_text(encoding="utf-8") for f in files]


REAL_PARAGRAPHS = [p for text in realistic_texts() for p in text.split("\n") if len(p.strip()) > 40]


def timed(extract, text: str) -> float:
    started = time.perf_counter()
    extract(text)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=load_config()["MAX_TEXT_BYTES"], help="bytes per text")
    parser.add_argument("--only", nargs="*", help="generators to run (default: all)")
    args = parser.parse_args()
    extractor = get_extractor()
    extract = extractor.extract
    extract("« Bonjour », a dit Paul.")  # load lexicons and warm the pipeline

    articles = realistic_texts()
    real = fill(lambda i: articles[i % len(articles)] + "\n\n", args.size)
    chosen = {name: make for name, make in GENERATORS.items() if not args.only or name in args.only}
    names = list(chosen)
    checkpoints = {0, len(names) // 2, len(names)}
    real_times, rows = [], []
    for k, name in enumerate(names + [None]):
        if k in checkpoints:
            real_times.append(timed(extract, real))
        if name is None:
            break
        text = chosen[name](args.size)
        rows.append((name, len(text), timed(extract, text)))
    real_per_char = statistics.median(real_times) / len(real)

    print(f"size: {args.size} bytes per text; realistic: {len(real)} characters of bundled articles, "
          f"{statistics.median(real_times):.2f} s (median of {len(real_times)}), "
          f"{real_per_char * 1e6:.1f} µs/char")
    print(f"{'generator':32s} {'chars':>9s} {'seconds':>8s} {'µs/char':>8s} {'ratio':>6s}")
    worst = 0.0
    for name, chars, seconds in rows:
        ratio = seconds / chars / real_per_char
        worst = max(worst, ratio)
        print(f"{name:32s} {chars:9d} {seconds:8.2f} {seconds / chars * 1e6:8.1f} {ratio:6.2f}")
    print(f"worst ratio: {worst:.2f} (bar: 3.00)")


if __name__ == "__main__":
    main()
