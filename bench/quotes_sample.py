"""Draw a fixed-seed sample of the quotes we credit to a speaker, for reading by hand, or re-check a judged one.

    python bench/quotes_sample.py ../shared/data/bbc-news-summary/articles --from 1001 --to 2225 --seed 1414 \
        --size 64 --docs /tmp/bbc-1001-2225.spacy                 # print the sample, each quote in its sentences
    python bench/quotes_sample.py ../shared/data/bbc-news-summary/articles --from 301 --to 1000 \
        --check tests/data/bbc_credited_sample_judged.tsv          # which judged credits the code now changes
    python bench/quotes_sample.py ../shared/data/500n-kpcrowd-dev/docs --from 1 --to 0 --seed 1515 \
        --docs /tmp/500n.spacy                                     # another corpus: any folder of articles

Articles are numbered 1.. in the order of their sorted addresses (business/001.txt first), read as the
build reads them (generator.ingest.read_corpus), so the offsets are those of the text the site analyses.
The sample is drawn with random.Random(seed).sample from every quote with a speaker in the range. The
judgement file (article, start, end, ours, verdict, note: bench/quotes.py --credited) carries no text.
With --check, a judged quote whose speaker the current code gives differently (or not at all) is printed:
its verdict was made on another speaker, so it must be read again.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, arguments, data_or_exit  # noqa: E402
from quotes import read_credited_judgements  # noqa: E402

_CONTEXT = 240  # characters of the article printed on each side of a drawn quote


def _articles(folder: Path, first: int, last: int) -> list[tuple[str, str]]:
    from generator.config import Config
    from generator.ingest import read_corpus

    articles = sorted(read_corpus(folder, Config()).articles, key=lambda a: a.path)
    return [(a.path, a.text) for a in articles[first - 1 : last or None]]


def _docs(texts: list[str], names: list[str], cache: str | None):  # noqa: ANN202 - spaCy Docs
    from generator.analyse.nlp import load_model

    nlp = load_model("auto")
    if cache:
        from spacy.tokens import DocBin

        path, listing = Path(cache), Path(cache).with_suffix(".names")
        if path.exists() and listing.exists() and listing.read_text() == "\n".join(names):
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe(texts, batch_size=32))
    if cache:
        DocBin(docs=docs).to_disk(cache)
        Path(cache).with_suffix(".names").write_text("\n".join(names))
    return docs


def credited(folder: Path, first: int, last: int, cache: str | None) -> list[tuple[str, str, int, int, str]]:
    """(article, text, start, end, speaker) of every quote we credit in articles first..last."""
    from generator.analyse.quotes import extract_quotes

    articles = _articles(folder, first, last)
    docs = _docs([t for _, t in articles], [a for a, _ in articles], cache)
    found = []
    for (address, text), doc in zip(articles, docs, strict=True):
        quotes, _ = extract_quotes(doc, [s.start for s in doc.sents])
        found += [(address, text, q.start, q.end, q.speaker) for q in quotes if q.speaker]
    return found


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--from", dest="first", type=int, default=1001, help="first article number (from 1)")
        parser.add_argument("--to", dest="last", type=int, default=2225, help="last article number (0: the last)")
        parser.add_argument("--seed", type=int, default=1414, help="seed of random.Random for the draw")
        parser.add_argument("--size", type=int, default=64, help="quotes to draw")
        parser.add_argument("--docs", default=None, help="a DocBin file caching the parsed articles")
        parser.add_argument("--check", default=None, help="a judged sample: print the credits the code changes")

    args = arguments(__doc__.splitlines()[0], str(ROOT.parent / "shared" / "data" / "bbc-news-summary"), extra)
    folder = data_or_exit(args.data, "")
    found = credited(folder, args.first, args.last, args.docs)
    if args.check:
        rows = read_credited_judgements(Path(args.check))
        now = {(a, s, e): who for a, _, s, e, who in found}
        changed = [(r, now.get((r["article"], int(r["start"]), int(r["end"])))) for r in rows]
        changed = [(r, who) for r, who in changed if who != r["ours"]]
        print(f"{len(rows)} judged credits; {len(changed)} now given otherwise (read again):")
        for row, who in changed:
            print(
                f"  {row['article']}\t{row['start']}\t{row['end']}\twas {row['ours']!r} ({row['verdict']})\tnow {who!r}"
            )
        return
    sample = random.Random(args.seed).sample(found, min(args.size, len(found)))
    print(
        f"# {len(found)} credited quotes in articles {args.first}-{args.last or 'the last'}; "
        f"{len(sample)} drawn (seed {args.seed})"
    )
    for address, text, start, end, speaker in sample:
        before = text[max(0, start - _CONTEXT) : start].replace("\n", " / ")
        after = text[end : end + _CONTEXT // 2].replace("\n", " / ")
        print(f"\n{address}\t{start}\t{end}\t{speaker}\n    …{before}[[{text[start:end]}]]{after}…")


if __name__ == "__main__":
    main()
