"""Quotes and their speakers against PolNeAR's human attributions, beside textacy's direct_quotations.

    python bench/quotes.py ../shared/data/polnear-dev [--split dev] [--docs /tmp/polnear.spacy] [--show 20]
    python bench/quotes.py --judged tests/data/allsides_quote_groups_pass3.tsv     # hand-judged quote groups
    python bench/quotes.py --credited tests/data/bbc_credited_sample_judged.tsv    # a judged sample of credits

What is measured (docs/BENCHMARKS.md, "Quotes"):

- The units are the quoted strings of four words or more: text between a pair of double
  quote marks (“…” or "…") in one paragraph. A string that overlaps an annotated Content
  span is a quote, and its speaker is that attribution's Source; one that no Content span
  covers is a quoted string that is not a quote from anyone (a title, a slogan, a scare quote).
- Detection: recall is the share of those quotes that a predicted quote overlaps; precision
  the share of predicted quotes (four words or more) that overlap a Content span.
- Speakers: a Source "names someone" when its head word is a proper noun or a named entity,
  or has a proper-noun apposition ("the spokesman, Jason Miller"). Such a quote has the right
  speaker when the predicted speaker is a name whose surname matches: the last word of one
  name (possessive, "Jr."/"Sr."/"III" dropped, case ignored) is a word of the other ("Trump" =
  "Donald Trump", "Hillary" = "Hillary Clinton", "The New York Times" = "Times"). A predicted
  name that does not match is a wrong speaker; a description ("a campaign aide") or no
  speaker is neither. Recall and wrong share are over every such quote, found or not.
- A pronoun Source ("he said") cannot be resolved from the annotation (PolNeAR links no
  coreference), so those quotes are counted apart: how many get a named speaker from us.
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import ROOT, arguments, data_or_exit, table, wilson  # noqa: E402
from _polnear import PolnearArticle, read_polnear  # noqa: E402

_REFERENCE = re.compile(r"“([^“”\n]*)”|\"([^\"\n]*)\"")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
MIN_WORDS = 4
_NAMING = ("appos", "compound", "flat", "nmod")


def reference_strings(text: str) -> list[tuple[int, int]]:
    """Quoted strings of four words or more: a pair of double marks in one paragraph."""
    found = []
    for match in _REFERENCE.finditer(text):
        group = 1 if match.group(1) is not None else 2
        if len(_WORD.findall(match.group(group))) >= MIN_WORDS:
            found.append((match.start(group), match.end(group)))
    return found


def name_words(name: str) -> list[str]:
    words = [w.lower().removesuffix("'s").removesuffix("’s") for w in _WORD.findall(name)]
    return [w for w in words if w and w not in _SUFFIXES]


def same_person(predicted: str, gold: str) -> bool:
    """Surname match: the last word of one name is a word of the other."""
    ours, theirs = name_words(predicted), name_words(gold)
    return bool(ours and theirs) and (ours[-1] in theirs or theirs[-1] in ours)


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


@dataclass
class Prediction:
    start: int
    end: int
    speaker: str | None
    kind: str | None  # "name", "description" or None


@dataclass
class Score:
    quotes: int = 0  # gold quotes (reference strings overlapping a Content span)
    found: int = 0
    predicted: int = 0
    predicted_right: int = 0  # predicted quotes overlapping a Content span
    not_quotes: int = 0
    not_quotes_credited: int = 0
    named: int = 0
    named_right: int = 0
    named_wrong: int = 0
    pronoun: int = 0
    pronoun_named: int = 0
    seconds: float = 0.0
    gold_kinds: Counter = field(default_factory=Counter)
    wrong_examples: list = field(default_factory=list)
    missed_examples: list = field(default_factory=list)
    credited_examples: list = field(default_factory=list)
    judged: dict = field(default_factory=dict)  # (article, start, end) -> (verdict, speaker), read by hand
    credited_judged: Counter = field(default_factory=Counter)  # "right", "wrong", "unjudged"

    def row(self, name: str) -> list[str]:
        precision = self.predicted_right / self.predicted if self.predicted else 0.0
        recall = self.found / self.quotes if self.quotes else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return [
            name,
            f"{precision:.3f}",
            f"{recall:.3f}",
            f"**{f1:.3f}**",
            f"{self.named_right / max(self.named, 1):.3f}",
            f"{self.named_wrong / max(self.named, 1):.3f}",
            f"{self.not_quotes_credited / max(self.not_quotes, 1):.3f}",
            f"{self.pronoun_named / max(self.pronoun, 1):.3f}",
            f"{self.seconds:.1f}",
        ]


def gold_source(doc, article: PolnearArticle, spans) -> tuple[str, str]:  # noqa: ANN001 - spaCy Doc
    """(kind, name) of an attribution's Source: kind "name", "pronoun", "description" or "none"."""
    if not spans:
        return "none", ""
    start, end = spans[0][0], spans[-1][1]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return "none", ""
    root = span.root
    people = [e for e in span.ents if e.label_ == "PERSON"]
    if people:
        holding = [e for e in people if e.start <= root.i < e.end or (e.root.head == root and e.root.dep_ in _NAMING)]
        if holding:
            return "name", holding[0].text
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN" and start <= child.idx < end:
            root = child
    if root.pos_ == "PRON":
        return "pronoun", root.text
    if root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "GPE", "NORP", "FAC"):
        parts = [t for t in root.subtree if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN" or t == root]
        parts = [t for t in parts if start <= t.idx < end]
        return "name", " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    return "description", span.text


def score_article(score: Score, doc, article: PolnearArticle, predictions: list[Prediction], show: int) -> None:  # noqa: ANN001
    contents = [(a, s) for a in article.attributions for s in a.content]
    for prediction in predictions:
        words = len(_WORD.findall(article.text[prediction.start : prediction.end]))
        if words < MIN_WORDS:
            continue
        score.predicted += 1
        if any(_overlap((prediction.start, prediction.end), s) for _, s in contents):
            score.predicted_right += 1
    for unit in reference_strings(article.text):
        covering = sorted(((_overlap(unit, s), a) for a, s in contents), key=lambda x: -x[0])
        match = max(predictions, key=lambda p: _overlap(unit, (p.start, p.end)), default=None)
        if match is not None and not _overlap(unit, (match.start, match.end)):
            match = None
        snippet = article.text[unit[0] : unit[1]][:70]
        if not covering or covering[0][0] == 0:
            score.not_quotes += 1
            if match is not None and match.speaker:
                score.not_quotes_credited += 1
                score.credited_judged[_judged_outcome(score.judged.get((article.name, *unit)), match.speaker)] += 1
                if len(score.credited_examples) < show:
                    score.credited_examples.append((article.name, snippet, match.speaker))
            continue
        score.quotes += 1
        score.found += match is not None
        kind, name = gold_source(doc, article, covering[0][1].source)
        score.gold_kinds[kind] += 1
        predicted_name = match.speaker if match is not None and match.kind == "name" else None
        if kind == "name":
            score.named += 1
            if predicted_name and same_person(predicted_name, name):
                score.named_right += 1
            elif predicted_name:
                score.named_wrong += 1
                if len(score.wrong_examples) < show:
                    score.wrong_examples.append((article.name, snippet, name, predicted_name))
            elif len(score.missed_examples) < show:
                score.missed_examples.append((article.name, snippet, name, match.speaker if match else "(not found)"))
        elif kind == "pronoun" and name.lower() in ("he", "she"):
            score.pronoun += 1
            score.pronoun_named += predicted_name is not None


def _judged_outcome(label: tuple[str, str] | None, speaker: str) -> str:
    """What reading the article said of an unattributed string we credit: "right" (a quote the annotation
    left unmarked, by the one we name), "wrong" (by someone else, or no one's words), or "unjudged"."""
    if label is None:
        return "unjudged"
    verdict, who = label
    return "right" if verdict == "quote" and same_person(speaker, who) else "wrong"


def read_unattributed_judgements(path: Path) -> dict[tuple[str, int, int], tuple[str, str]]:
    """Hand verdicts on unattributed quoted strings (tests/data/polnear_unattributed_judged.tsv)."""
    labels = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("\t")
        if not line.strip() or line.startswith("#") or cells[0] == "article":
            continue
        if len(cells) != 7 or cells[4] not in ("quote", "nobody") or not (cells[2].isdigit() and cells[3].isdigit()):
            raise ValueError(f"{path}:{number}: expected article, split, start, end, quote|nobody, speaker, note")
        labels[(cells[0], int(cells[2]), int(cells[3]))] = (cells[4], cells[5])
    return labels


def ours(doc) -> list[Prediction]:  # noqa: ANN001
    from generator.analyse.mentions import extract_mentions  # noqa: F401 - the same import path as the build
    from generator.analyse.quotes import extract_quotes

    starts = [s.start_char for s in doc.sents]
    quotes, _ = extract_quotes(doc, starts)
    return [Prediction(q.start, q.end, q.speaker, q.speaker_kind) for q in quotes]


def textacy_quotes(doc) -> list[Prediction]:  # noqa: ANN001
    from textacy.extract.triples import direct_quotations

    found = []
    try:
        for triple in direct_quotations(doc):
            content = triple.content
            speaker = " ".join(t.text for t in triple.speaker)
            proper = any(t.pos_ == "PROPN" for t in triple.speaker)
            found.append(Prediction(content.start_char, content.end_char, speaker or None, "name" if proper else None))
    except ValueError:  # textacy gives up on a document with an odd number of quote marks: nothing found
        TEXTACY_GAVE_UP.append(doc)
    return found


TEXTACY_GAVE_UP: list = []


def parsed(articles: list[PolnearArticle], cache: str | None):  # noqa: ANN201
    """spaCy Docs of the articles with the site's pipeline; read from / written to a DocBin when given."""
    from generator.analyse.nlp import load_model

    nlp = load_model("auto")
    if cache:
        from spacy.tokens import DocBin

        path = Path(cache)
        names = path.with_suffix(".names")
        wanted = "\n".join(a.name for a in articles)
        if path.exists() and names.exists() and names.read_text() == wanted:
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((a.text for a in articles), batch_size=32))
    if cache:
        box = DocBin(docs=docs)
        box.to_disk(path)
        names.write_text(wanted)
    return docs


JUDGED_COLUMNS = ["group", "quote_prefix", "articles", "speakers", "same_quote", "speaker", "note"]


def read_judgements(path: Path) -> list[dict[str, str]]:
    """Hand judgements of cross-article quote groups (tests/data/allsides_quote_groups.tsv): one row a group."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if cells[0] == "group":
            continue
        if len(cells) != len(JUDGED_COLUMNS):
            raise ValueError(f"{path}:{number}: {len(cells)} columns, expected {len(JUDGED_COLUMNS)}")
        row = dict(zip(JUDGED_COLUMNS, cells, strict=True))
        if row["same_quote"] not in ("yes", "no") or row["speaker"] not in ("right", "wrong", "none"):
            raise ValueError(f"{path}:{number}: same_quote must be yes/no and speaker right/wrong/none")
        rows.append(row)
    return rows


def judged_shares(rows: list[dict[str, str]]) -> tuple[float, float, int]:
    """(share of groups that are one quote, share of groups naming a speaker that name the right one,
    how many groups name a speaker)."""
    same = sum(r["same_quote"] == "yes" for r in rows) / max(len(rows), 1)
    named = [r for r in rows if r["speaker"] != "none"]
    right = sum(r["speaker"] == "right" for r in named) / max(len(named), 1)
    return same, right, len(named)


CREDITED_VERDICTS = ("right", "description", "wrong", "not-a-quote")
"""right: the speaker's words; description: a description as written of the one who said them ("one young
demonstrator"); wrong: another's words (a wrong speaker); not-a-quote: nobody's words (a title, a survey
option). The last two are credited wrongly."""
CREDITED_WRONGLY = ("wrong", "not-a-quote")


def read_credited_judgements(path: Path) -> list[dict[str, str]]:
    """Hand verdicts on a sample of quotes we credit (tests/data/bbc_credited_sample_judged.tsv)."""
    columns = ["article", "start", "end", "ours", "verdict", "note"]
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        cells = line.split("\t")
        if not line.strip() or line.startswith("#") or cells[0] == "article":
            continue
        if len(cells) != len(columns) or cells[4] not in CREDITED_VERDICTS:
            raise ValueError(
                f"{path}:{number}: expected {', '.join(columns)} with verdict {'|'.join(CREDITED_VERDICTS)}"
            )
        rows.append(dict(zip(columns, cells, strict=True)))
    return rows


def print_unattributed_judged(score: Score, labels: int) -> None:
    """The unattributed strings we credit, as reading them judged: annotation gaps (a quote, its right
    speaker) leave the count of non-quotes; the share left is credited wrongly."""
    counts = score.credited_judged
    left = score.not_quotes - counts["right"]
    errors = counts["wrong"] + counts["unjudged"]
    print(
        f"unattributed strings credited, read by hand ({labels} verdicts): {counts['right']} are quotes the "
        f"annotation missed, credited to their speaker; {counts['wrong']} wrong; {counts['unjudged']} not judged. "
        f"Corrected: {errors} of {left} non-quotes credited ({errors / max(left, 1):.3f}; unjudged counted as errors)"
    )


def main() -> None:
    if "--credited" in sys.argv:
        rows = read_credited_judgements(Path(sys.argv[sys.argv.index("--credited") + 1]))
        wrong = sum(r["verdict"] in CREDITED_WRONGLY for r in rows)
        low, high = wilson(wrong, len(rows))
        verdicts = Counter(r["verdict"] for r in rows)
        print(f"{len(rows)} credited quotes read: {wrong} credited wrongly ({wrong / max(len(rows), 1):.3f}; "
              f"95 % interval {low:.3f}-{high:.3f}); verdicts "
              + ", ".join(f"{v} {verdicts[v]}" for v in CREDITED_VERDICTS))  # fmt: skip
        return
    if "--judged" in sys.argv:
        rows = read_judgements(Path(sys.argv[sys.argv.index("--judged") + 1]))
        same, right, named = judged_shares(rows)
        low = wilson(round(right * named), named)[0]
        print(f"{len(rows)} quote groups judged by hand: one quote {same:.3f}; right speaker {right:.3f} "
              f"of the {named} naming one (95 % interval from {low:.3f}; {len(rows) - named} name nobody)")  # fmt: skip
        return

    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--judged", default=None, help="print the shares of a file of hand-judged quote groups")
        parser.add_argument("--credited", default=None, help="print the wrong share of a judged sample of credited")
        parser.add_argument("--split", default="train,dev", help="PolNeAR splits, comma-separated (default both)")
        parser.add_argument("--docs", default=None, help="a DocBin file caching the parsed articles")
        parser.add_argument("--show", type=int, default=0, help="print N examples of each kind of error")
        parser.add_argument("--no-textacy", action="store_true", help="leave textacy out")
        parser.add_argument(
            "--unattributed", default=None, help="hand verdicts on unattributed strings we credit (a TSV file)"
        )

    args = arguments(__doc__.splitlines()[0], str(ROOT.parent / "shared" / "data" / "polnear-dev"), extra)
    folder = data_or_exit(args.data, "data")
    articles = read_polnear(folder, tuple(args.split.split(",")), args.limit)
    docs = parsed(articles, args.docs)
    methods = {"ours": ours}
    if not args.no_textacy:
        try:
            import textacy  # noqa: F401

            methods["textacy direct_quotations"] = textacy_quotes
        except ImportError:
            print("textacy is not installed (pip install textacy): its column is left out")
    judged = read_unattributed_judgements(Path(args.unattributed)) if args.unattributed else {}
    scores = {}
    for name, method in methods.items():
        score = Score(judged=judged)
        for article, doc in zip(articles, docs, strict=True):
            begin = time.perf_counter()
            predictions = method(doc)
            score.seconds += time.perf_counter() - begin
            score_article(score, doc, article, predictions, args.show)
        scores[name] = score
    first = next(iter(scores.values()))
    print(
        f"PolNeAR {args.split}: {len(articles)} articles; {first.quotes} quoted strings of 4+ words are quotes, "
        f"{first.not_quotes} are not; quote sources: {dict(first.gold_kinds)}; {first.pronoun} have a he/she source"
    )
    if TEXTACY_GAVE_UP:
        print(f"textacy gave up on {len(TEXTACY_GAVE_UP)} articles (an odd number of quote marks): no quotes there")
    header = ["method", "P", "R", "F1", "speaker recall", "wrong speaker", "non-quotes credited",
              "he/she named", "seconds"]  # fmt: skip
    print(table([s.row(n) for n, s in scores.items()], header))
    if judged:
        print_unattributed_judged(scores["ours"], len(judged))
    if args.show:
        ours_score = scores["ours"]
        for title, rows in (
            ("wrong speaker (article, quote, gold, ours)", ours_score.wrong_examples),
            ("named source missed (article, quote, gold, ours)", ours_score.missed_examples),
            ("non-quote credited (article, string, ours)", ours_score.credited_examples),
        ):
            print(f"\n{title}:")
            for row in rows:
                print("  ", " | ".join(str(x) for x in row))


if __name__ == "__main__":
    main()
