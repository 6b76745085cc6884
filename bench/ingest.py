"""Reading real data-set exports: is the analysed text readable, the outlet the file's, the residue gone?

    python bench/ingest.py ../shared/data/allsides-2020-04 [--report site/report.json]
        [--judgements tests/data/allsides_summary_judgements.yml] [--dump-sample FILE]

From the ingest alone (no analysis, a few seconds):
- the share of articles whose analysed text is tokenised ("word ," "do n't"; target 0 %),
- the share of records whose outlet is exactly the `source` the file gives (target 100 %),
- the articles whose analysed text still holds a residue marker ("MORE (R-", "(AP Photo", "███",
  "Click here", "Sign up for", "ADVERTISEMENT", …): an automatic lower bound, not the judged figure,
- what the cleaning took out, by rule, and the datelines found.

From a build's report.json (`--report`):
- entity display names with punctuation or possessive junk ("George Floyd .", "Floyd ’s death")
  among the entities with a page (target 0), listed;
- the share of a fixed sample of articles (every article whose id's sha1 ends in the sample's
  digits, at least 50) with residue in any summary sentence, from hand judgements
  (`--judgements`: a YAML map of article id to `ok` or `residue: what`; no article text is kept).
  `--dump-sample FILE` writes the sample's summaries to FILE for judging.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

from _common import arguments, data_or_exit, timer

RESIDUE_MARKERS = re.compile(
    r"\bMORE\s*\((?:[RDI]-|[RDI]\))|\(AP Photo|\bPhoto(?:graph)?:|Getty Images|/Reuters\b|[\u2580-\u259f]"
    r"|(?i:\bclick here\b|\bsign up for (?:our|the|free|daily)\b|\(RELATED:|pic\.twitter\.com|Enlarge this image)"
    r"|\bADVERTISEMENT\b|^Advertisement$|^FILE(?: PHOTO)?\s*[-–—:]|^[A-Z][A-Z .,]{2,40}\s*\((?:AP|Reuters)\)\s*[-–—]",
    re.MULTILINE,
)
# Junk in a display name: a space before a punctuation mark ("George Floyd ."), punctuation or a possessive at
# either end ("’s Easter", "Trump’s", "Twitter @ThoreauSquad."; an abbreviation's own full stop, "Calif.",
# "U.S.", aside), an unbalanced quote or bracket, a mask. A possessive inside a name ("Vox’s Ella Nilsen") is
# counted apart: it is the entity recogniser's span, and some are names ("Moody’s Analytics").
EDGE_JUNK = re.compile(r"\s[.,;:!?’'”)]|[,;:!?’'”(“\"@]$|^[.,;:!?’'“”\"(@)]|['’]s?$|[\u2580-\u259f]|\[…\]")
LONG_WORD_FULL_STOP = re.compile(r"(?:^|\s)[^\s.]{7,}\.$")
INNER_POSSESSIVE = re.compile(r"\w['’]s\s")


def name_junk(name: str) -> str | None:
    """What is wrong with an entity's display name ("edge", "inner possessive"), or None."""
    quotes = sum(name.count(q) for q in '"“”')
    brackets = name.count("(") != name.count(")")
    if EDGE_JUNK.search(name) or LONG_WORD_FULL_STOP.search(name) or quotes % 2 or brackets:
        return "edge"
    if INNER_POSSESSIVE.search(name):
        return "inner possessive"
    return None


SAMPLE_SUFFIXES = ("0", "1")  # sha1(id) ending in one of these: about one article in eight


def _stated_sources(data: Path, articles: list) -> dict[str, str]:
    """Article id -> the `source` string its JSON record states (JSON and JSON Lines files)."""
    stated: dict[str, str] = {}
    for article in articles:
        path, _, part = article.path.partition("#")
        file = data / path
        if file.suffix not in (".json", ".jsonl"):
            continue
        raw = file.read_text(encoding="utf-8")
        if file.suffix == ".jsonl":
            record = json.loads(raw.split("\n")[int(part) - 1])
        else:
            record = json.loads(raw)
            record = record[int(part) - 1] if part and isinstance(record, list) else record
        if isinstance(record, dict) and isinstance(record.get("source"), str) and record["source"].strip():
            stated[article.id] = record["source"]
    return stated


def _ingest_figures(data: Path, limit: int) -> None:
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.ingest.detok import looks_tokenised

    with timer() as took:
        result = read_corpus(data, Config())
    articles = result.articles[:limit] if limit else result.articles
    n = len(articles)
    print(f"{n} articles read in {took[0]:.1f} s ({len(result.skipped)} skipped, {len(result.warnings)} warnings)")
    tokenised = [a.path for a in articles if looks_tokenised(a.text)]
    print(f"analysed text tokenised: {len(tokenised)} of {n} ({100 * len(tokenised) / n:.1f} %)")
    stated = _stated_sources(data, articles)
    equal = sum(1 for a in articles if a.id in stated and a.source == stated[a.id])
    if stated:
        print(f"outlet equal to the file's `source`: {equal} of {len(stated)} ({100 * equal / len(stated):.1f} %)")
        for article in articles:
            if article.id in stated and article.source != stated[article.id]:
                print(f"  {article.path}: {article.source!r} (the file says {stated[article.id]!r})")
    marked = [a for a in articles if RESIDUE_MARKERS.search(a.text)]
    print(f"analysed text with a residue marker left: {len(marked)} of {n} ({100 * len(marked) / n:.1f} %)")
    for article in marked[:20]:
        found = RESIDUE_MARKERS.search(article.text)
        assert found is not None
        around = article.text[max(0, found.start() - 60) : found.end() + 40].replace("\n", " ")
        print(f"  {article.path}: …{around}…")
    removed = Counter(r.rule for a in articles for r in getattr(a, "removed", ()))
    cleaned = sum(1 for a in articles if getattr(a, "removed", ()))
    print(
        f"cleaning: {cleaned} of {n} articles had residue taken out: "
        + ", ".join(f"{k} {v}" for k, v in removed.most_common())
    )
    fields = Counter(getattr(a, "text_field", None) for a in articles)
    print("text field used: " + ", ".join(f"{k} {v}" for k, v in fields.most_common()))
    datelines = sum(1 for a in articles if getattr(a, "dateline", None))
    print(f"datelines kept as metadata: {datelines}")


def _sample(report: dict) -> list[dict]:
    return [a for a in report["articles"] if hashlib.sha1(a["id"].encode()).hexdigest().endswith(SAMPLE_SUFFIXES)]


def _report_figures(report_path: Path, judgements: Path | None, dump: Path | None) -> None:
    report = json.loads(report_path.read_text(encoding="utf-8"))
    paged = [e for e in report["entities"] if e.get("page")]
    junk = [(e["name"], name_junk(e["name"])) for e in paged]
    edge = [name for name, kind in junk if kind == "edge"]
    inner = [name for name, kind in junk if kind == "inner possessive"]
    print(f"entities with a page: {len(paged)}; display names with punctuation or possessive junk: {len(edge)}")
    for name in edge:
        print(f"  {name!r}")
    print(f"  and {len(inner)} with a possessive inside (the recogniser's span; some are names): {inner}")
    sample = _sample(report)
    if dump:
        lines = []
        for article in sample:
            lines.append(f"## {article['id']}  ({article['source']})")
            lines.extend(f"- {sentence}" for sentence in article["summary"])
            lines.append("")
        dump.write_text("\n".join(lines), encoding="utf-8")
        print(f"sample of {len(sample)} articles' summaries written to {dump} for judging")
    if judgements and judgements.exists():
        import yaml

        judged = yaml.safe_load(judgements.read_text(encoding="utf-8")) or {}
        ids = [a["id"] for a in sample if a["id"] in judged]
        residue = [i for i in ids if judged[i] != "ok"]
        print(
            f"summaries with residue in any sentence (hand-checked sample): {len(residue)} of {len(ids)} "
            f"({100 * len(residue) / max(len(ids), 1):.1f} %); {len(sample) - len(ids)} of the sample not judged"
        )
        for article_id in residue:
            print(f"  {article_id}: {judged[article_id]}")


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001 - argparse
        parser.add_argument("--report", type=Path, help="a build's report.json: entity names and summaries")
        parser.add_argument("--judgements", type=Path, default=Path("tests/data/allsides_summary_judgements.yml"))
        parser.add_argument("--dump-sample", type=Path, help="write the sample's summaries here, for judging")

    args = arguments(__doc__.split("\n", 1)[0], "../shared/data/allsides-2020-04", extra)
    data = data_or_exit(args.data, "")
    if not any(data.iterdir()):
        print(f"benchmark data not found: {data} is empty; nothing to measure (see docs/BENCHMARKS.md)")
        return
    _ingest_figures(data, args.limit)
    if args.report:
        _report_figures(args.report, args.judgements, args.dump_sample)


if __name__ == "__main__":
    main()
