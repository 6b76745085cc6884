"""Helpers shared by the benchmark scripts: the data folder check, reading and parsing, timing."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def arguments(description: str, default_data: str, extra: Callable[[argparse.ArgumentParser], None] | None = None):
    """The common command line: the data folder, and --limit for a quick partial run."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("data", nargs="?", default=default_data, help=f"data folder (default: {default_data})")
    parser.add_argument("--limit", type=int, default=0, help="use only the first N articles (0: all)")
    if extra:
        extra(parser)
    return parser.parse_args()


def data_or_exit(path: str, needed: str) -> Path:
    """The data folder, or a message and exit status 0 when it is absent (benchmarks never fail a build)."""
    folder = Path(path)
    if not (folder / needed).exists():
        print(f"benchmark data not found: {folder / needed} is missing; nothing to measure (see docs/BENCHMARKS.md)")
        raise SystemExit(0)
    return folder


@contextmanager
def timer() -> Iterator[list[float]]:
    """Seconds spent in the block, in the list's only item once it ends."""
    box = [0.0]
    start = time.perf_counter()
    try:
        yield box
    finally:
        box[0] = time.perf_counter() - start


def parse(texts: list[str]):  # noqa: ANN201 - spaCy Docs
    """spaCy Docs of the texts with the site's own pipeline (the model and sentence rules the build uses)."""
    from generator.analyse.nlp import load_model

    nlp = load_model("auto")
    return list(nlp.pipe(texts, batch_size=32))


def table(rows: list[list[str]], header: list[str]) -> str:
    """A Markdown table, columns padded, for pasting into docs/BENCHMARKS.md."""
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    sep = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), sep, *(line(r) for r in rows)])


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    """The 95 % Wilson score interval of a share (sound at 0 or n successes, unlike the normal one)."""
    if not total:
        return 0.0, 1.0
    share = successes / total
    centre = (share + z * z / (2 * total)) / (1 + z * z / total)
    half = z * ((share * (1 - share) / total + z * z / (4 * total * total)) ** 0.5) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)
