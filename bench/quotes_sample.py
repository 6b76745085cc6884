"""Draw a fixed-seed sample of the quotes we credit to a speaker, for reading by hand, or re-check a judged one.

    python bench/quotes_sample.py ../shared/data/bbc-news-summary/articles --from 1001 --to 2225 --seed 1414 \
        --size 64 --docs /tmp/bbc-1001-2225.spacy                 # print the sample, each quote in its sentences
    python bench/quotes_sample.py ../shared/data/bbc-news-summary/articles --from 301 --to 1000 \
        --check tests/data/bbc_credited_sample_judged.tsv          # which judged credits the code now changes
    python bench/quotes_sample.py ../shared/data/500n-kpcrowd-dev/docs --from 1 --to 0 --seed 1515 \
        --docs /tmp/500n.spacy                                     # another corpus: any folder of articles
    python bench/quotes_sample.py ../shared/data/ecbplus-dev/dev_text.txt ../shared/data/meantime-en/all_text.txt \
        --from 1 --to 0 --seed 1616 --size 200                     # corpora shipped one token a line

Articles are numbered 1.. in the order of their sorted addresses (business/001.txt first), read as the
build reads them (generator.ingest.read_corpus), so the offsets are those of the text the site analyses.
A corpus shipped one token a line (ECB+ `dev_text.txt`, MEANTIME `*_text.txt`: doc, sentence, token, word)
is written out first as one tokenised .txt per document (`token_articles`: sentence 0, the headline, on line
1, then a sentence a line, a sentence that goes on inside an open quote joined to the line before unless it
opens with a quote mark of its own), which
the build detokenises as it does any tokenised export; several data paths are read as one corpus.
The sample is drawn with random.Random(seed).sample from every quote with a speaker in the range. The
judgement file (article, start, end, ours, verdict, note: bench/quotes.py --credited) carries no text.
With --check, a judged quote whose speaker the current code gives differently (or not at all) is printed:
its verdict was made on another speaker, so it must be read again.
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, arguments, data_or_exit  # noqa: E402
from quotes import read_credited_judgements  # noqa: E402

_CONTEXT = 240  # characters of the article printed on each side of a drawn quote


_OPENING_MARKS, _CLOSING_MARKS = ("``", "“"), ("''", "”")


def _open_quote(tokens: list[str]) -> bool:
    """Whether a quote opened in these tokens is still open at their end (straight marks by their parity)."""
    opened = sum(t in _OPENING_MARKS for t in tokens) - sum(t in _CLOSING_MARKS for t in tokens)
    return opened > 0 or tokens.count('"') % 2 == 1


def token_articles(path: Path, into: Path) -> list[Path]:
    """Write each document of a one-token-a-line file (doc, sentence, token, word; ECB+, MEANTIME) into the
    folder `into` as a tokenised article: the first sentence as the headline, a blank line, then a sentence
    a line, except that a sentence inside a quote left open goes on the line before (a quote of two sentences
    is one paragraph, as it was printed) unless it opens with a quote mark itself: news style opens each
    paragraph of a long quote again, and the build's reader carries such a quote over paragraphs. Returns
    the files written."""
    sentences: dict[str, dict[int, list[str]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) == 4 and parts[1].isdigit():
            sentences.setdefault(parts[0], {}).setdefault(int(parts[1]), []).append(parts[3])
    written = []
    for doc, numbered in sorted(sentences.items()):
        ordered = [numbered[n] for n in sorted(numbered)]
        lines: list[list[str]] = []
        for tokens in ordered[1:]:
            if lines and _open_quote(lines[-1]) and tokens[0] not in (*_OPENING_MARKS, '"'):
                lines[-1] = lines[-1] + tokens
            else:
                lines.append(list(tokens))
        target = into / (Path(doc).stem + ".txt")
        target.write_text("\n".join([" ".join(ordered[0]), "", *(" ".join(t) for t in lines)]) + "\n", "utf-8")
        written.append(target)
    return written


def _articles(folders: list[Path], first: int, last: int) -> list[tuple[str, str]]:
    from generator.config import Config
    from generator.ingest import read_corpus

    read = []
    with tempfile.TemporaryDirectory() as scratch:
        for number, path in enumerate(folders):
            folder = path
            if path.is_file():  # one token a line: written out as articles first
                folder = Path(scratch) / str(number)
                folder.mkdir()
                token_articles(path, folder)
            read += read_corpus(folder, Config()).articles
    articles = sorted(read, key=lambda a: a.path)
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


def credited(folders: list[Path], first: int, last: int, cache: str | None) -> list[tuple[str, str, int, int, str]]:
    """(article, text, start, end, speaker) of every quote we credit in articles first..last."""
    from generator.analyse.quotes import extract_quotes

    articles = _articles(folders, first, last)
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

    def more(parser) -> None:  # noqa: ANN001
        parser.add_argument("more", nargs="*", default=[], help="more data folders or token files, read as one corpus")
        extra(parser)

    args = arguments(__doc__.splitlines()[0], str(ROOT.parent / "shared" / "data" / "bbc-news-summary"), more)
    folders = [data_or_exit(path, "") for path in [args.data, *args.more]]
    found = credited(folders, args.first, args.last, args.docs)
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
