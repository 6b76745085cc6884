"""Is the linked corpus the same? A fingerprint of `link_corpus` per corpus, written or compared section by section.

    python bench/link_check.py --write /tmp/before.json.gz [--source DIR] [corpora...]
    python bench/link_check.py --compare /tmp/before.json.gz [corpora...]

A speed change to the link stage must not change what it finds. This script links each
corpus and records, per section (entities, mentions, quote speakers, quote groups, quote
phrases, shared passages, duplicates, topics and stories, subjects, related articles),
the whole result as canonical JSON. `--compare` links again with the code in this tree and
prints, per corpus and section, "same" or the first differences. `--source DIR` imports
the generator from another copy of the source (e.g. `git archive main | tar -x -C DIR`),
so that the "before" side can be written from any commit on the same analyses.

Corpora (each skipped with a message when its folder is absent):
  --seeds DIR            the seed articles (default: seeds)
  --bbc DIR --bbc-limit N   the first N BBC articles (default 1000; analysis cached in .cache/bench-analysis)
  --allsides DIR         allsides-2020-04 (analysis cached in .cache/bench-analysis)
  --synthetic N          bench/render.py's synthetic corpus of N articles built from the BBC base (0: none)
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = (
    "entities",
    "mentions",
    "quote_speakers",
    "quote_groups",
    "quote_phrases",
    "shared_text",
    "duplicate_of",
    "topics",
    "article_topic",
    "no_story",
    "subjects",
    "related",
    "paged_entities",  # the cross-article views (absent from older trees: "not in this tree")
    "index",
    "topic_summaries",
    "keyword_index",
    "keyword_links",
    "comparisons",
    "source_profiles",
)


def _plain(value: object) -> object:
    """A JSON-able copy: dataclasses as dicts, tuples as lists, sets sorted, dict keys as strings (tuples: '|')."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {("|".join(map(str, k)) if isinstance(k, tuple) else str(k)): _plain(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted((_plain(v) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 6)
    return value


def fingerprint(corpus: object) -> dict[str, object]:
    return {section: _plain(getattr(corpus, section)) for section in SECTIONS if hasattr(corpus, section)}


def _corpora(args: argparse.Namespace) -> dict[str, tuple[list, dict]]:
    """Name -> (articles, analyses) for every corpus asked for whose folder exists."""
    sys.path.insert(0, str(ROOT / "bench"))
    from render import CACHE, synthetic

    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.progress import Reporter

    config = Config()
    reporter = Reporter(stream=sys.stderr)
    found: dict[str, tuple[list, dict]] = {}
    wanted = [("seeds", args.seeds, 0, ROOT / ".cache" / "analysis"), ("allsides", args.allsides, 0, CACHE)]
    wanted.append(("bbc", args.bbc, args.bbc_limit, CACHE))
    for name, folder, limit, cache in wanted:
        if not folder:
            continue
        if not Path(folder).exists():
            print(f"{name}: {folder} is missing; skipped", file=sys.stderr)
            continue
        articles = read_corpus(Path(folder), config).articles
        articles = articles[:limit] if limit else articles
        analyses, _ = analyse_articles(articles, config, cache, reporter)
        found[name] = (articles, analyses)
        if name == "bbc" and args.synthetic:
            found[f"synthetic-{args.synthetic}"] = synthetic(articles, analyses, args.synthetic, len(articles))
    return found


def _differences(before: object, after: object, path: str, out: list[str], limit: int = 5) -> None:
    """The first `limit` places where two JSON values differ, as 'path: before != after'."""
    if len(out) >= limit or before == after:
        return
    if isinstance(before, dict) and isinstance(after, dict):
        for key in sorted(set(before) | set(after)):
            if key not in before or key not in after:
                out.append(f"{path}.{key}: only {'after' if key not in before else 'before'}")
            else:
                _differences(before[key], after[key], f"{path}.{key}", out, limit)
            if len(out) >= limit:
                return
    elif isinstance(before, list) and isinstance(after, list) and len(before) == len(after):
        for i, (x, y) in enumerate(zip(before, after, strict=True)):
            _differences(x, y, f"{path}[{i}]", out, limit)
            if len(out) >= limit:
                return
    else:
        size = f" (lengths {len(before)} != {len(after)})" if isinstance(before, list | dict) else ""
        out.append(f"{path}{size}: {json.dumps(before)[:160]} != {json.dumps(after)[:160]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    action = parser.add_mutually_exclusive_group(required=True)
    action.add_argument("--write", type=Path, help="write the fingerprint to this file (.json.gz)")
    action.add_argument("--compare", type=Path, help="compare with the fingerprint in this file")
    parser.add_argument("--source", type=Path, help="import the generator from this source tree instead")
    parser.add_argument("--seeds", default=str(ROOT / "seeds"))
    parser.add_argument("--bbc", default=str(ROOT.parent / "shared" / "data" / "bbc-news-summary" / "articles"))
    parser.add_argument("--bbc-limit", type=int, default=1000)
    parser.add_argument("--allsides", default=str(ROOT.parent / "shared" / "data" / "allsides-2020-04"))
    parser.add_argument("--synthetic", type=int, default=0)
    args = parser.parse_args()
    sys.path.insert(0, str((args.source or ROOT).resolve()))
    from generator.config import Config
    from generator.link import link_corpus

    results = {}
    for name, (articles, analyses) in _corpora(args).items():
        corpus = link_corpus(articles, analyses, Config(), Path("/nonexistent-alias-file.yml"))
        results[name] = fingerprint(corpus)
        print(f"{name}: {len(articles)} articles linked", file=sys.stderr)
    if args.write:
        with gzip.open(args.write, "wt", encoding="utf-8") as out:
            json.dump(results, out, sort_keys=True)
        print(f"wrote {args.write}")
        return
    with gzip.open(args.compare, "rt", encoding="utf-8") as handle:
        before = json.load(handle)
    changed = 0
    for name, sections in results.items():
        if name not in before:
            print(f"{name}: not in {args.compare}")
            continue
        for section in SECTIONS:
            if section not in before[name] or section not in sections:
                print(f"{name} {section}: not in {'this tree' if section not in sections else args.compare}")
                continue
            found: list[str] = []
            _differences(before[name].get(section), sections[section], section, found)
            changed += bool(found)
            print(f"{name} {section}: {'same' if not found else 'DIFFERENT'}")
            for line in found:
                print(f"    {line}")
    raise SystemExit(1 if changed else 0)


if __name__ == "__main__":
    main()
