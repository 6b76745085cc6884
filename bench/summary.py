"""Summary benchmark: ROUGE against the human summaries of the BBC News Summary corpus.

    python bench/summary.py ../shared/data/bbc-news-summary [--limit N]

Every method gets the same sentences (our spaCy split of the article text, headline
removed by our reader), so the figures compare sentence choice only. Two budgets:
3 sentences, and 60 words (each method's sentences, best first until 60 words are
reached, shown in document order and cut after the 60th word, so that long
sentences win nothing). Baselines: Lead-3 and sumy's TextRank and LexRank (sumy's
own tokenizer needs nltk's punkt data, which cannot be downloaded here: sumy gets
our sentences, and nltk's Treebank word tokenizer, which needs no data).
"""

from __future__ import annotations

import statistics
from collections.abc import Callable

from _common import arguments, data_or_exit, parse, table, timer

SENTENCES = 3
WORDS = 60

# A method: the article's sentences (and its spaCy Doc) -> sentence indexes, best first.
Ranker = Callable[[list[str], object], list[int]]


def lead(sentences: list[str], doc: object) -> list[int]:
    return list(range(len(sentences)))


def ours(sentences: list[str], doc: object) -> list[int]:
    from generator.analyse.summary import selection_order, sentence_features

    _, features = sentence_features(doc)  # type: ignore[arg-type]
    return selection_order(features)


def sumy_ranker(kind: str) -> Ranker:
    """sumy's summariser, fed our sentences; its own rating order, read through its count callback."""
    from nltk.tokenize import TreebankWordTokenizer
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.nlp.tokenizers import Tokenizer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    class WordTokenizer(Tokenizer):
        """sumy's English word filter without its punkt sentence splitter (we give the sentences)."""

        def __init__(self) -> None:
            self._language = "english"
            self._word_tokenizer = TreebankWordTokenizer()

    tokenizer = WordTokenizer()
    summarizer = (TextRankSummarizer if kind == "textrank" else LexRankSummarizer)(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")

    def rank(sentences: list[str], doc: object) -> list[int]:
        objects = [SumySentence(text, tokenizer) for text in sentences]
        document = ObjectDocumentModel([Paragraph(objects)])
        order: list[int] = []

        def take_all(infos):  # noqa: ANN001, ANN202 - sumy's SentenceInfo list, best rated first
            order.extend(info.order for info in infos)
            return infos

        summarizer(document, take_all)
        return order

    return rank


def pick(order: list[int], sentences: list[str], budget: str) -> str:
    """The summary text at a budget: 3 sentences, or sentences until 60 words then cut; document order."""
    if budget == "3 sentences":
        chosen = order[:SENTENCES]
    else:
        chosen, words = [], 0
        for index in order:
            chosen.append(index)
            words += len(sentences[index].split())
            if words >= WORDS:
                break
    text = " ".join(sentences[i] for i in sorted(chosen))
    return " ".join(text.split()[:WORDS]) if budget != "3 sentences" else text


def main() -> None:
    args = arguments("ROUGE of our summaries and baselines on BBC News Summary.", "../shared/data/bbc-news-summary")
    data = data_or_exit(args.data, "articles")
    from rouge_score import rouge_scorer

    from generator.analyse.summary import sentence_features
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.ingest.markup import decode_character_references

    articles = [a for a in read_corpus(data / "articles", Config()).articles if (data / "summaries" / a.path).exists()]
    if args.limit:
        articles = articles[: args.limit]
    references = [  # decoded as the reader decodes the articles ("caf&#233;" is "café" on both sides)
        decode_character_references((data / "summaries" / a.path).read_text(encoding="utf-8", errors="replace"))
        for a in articles
    ]
    with timer() as parse_time:
        docs = parse([a.text for a in articles])
    split = [[s.text for s in sentence_features(doc)[0]] for doc in docs]
    print(f"{len(articles)} articles; spaCy parse and sentence split: {len(articles) / parse_time[0]:.1f} articles/s")

    methods: dict[str, Ranker] = {
        "Lead-3": lead,
        "sumy TextRank": sumy_ranker("textrank"),
        "sumy LexRank": sumy_ranker("lexrank"),
        "ours": ours,
    }
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2", "rougeL"], use_stemmer=True)
    rows = []
    for name, rank in methods.items():
        with timer() as took:
            orders = [rank(sentences, doc) for sentences, doc in zip(split, docs, strict=True)]
        speed = len(articles) / took[0] if took[0] else float("inf")
        for budget in ("3 sentences", f"{WORDS} words"):
            scores = {"rouge1": [], "rouge2": [], "rougeL": []}
            lengths = []
            for order, sentences, reference in zip(orders, split, references, strict=True):
                summary = pick(order, sentences, budget)
                lengths.append(len(summary.split()))
                for key, value in scorer.score(reference, summary).items():
                    scores[key].append(value.fmeasure)
            rows.append(
                [
                    budget,
                    name,
                    *(f"{100 * statistics.fmean(scores[k]):.2f}" for k in ("rouge1", "rouge2", "rougeL")),
                    f"{statistics.fmean(lengths):.0f}",
                    f"{speed:.0f}" if speed < 100_000 else "(no work)",
                ]
            )
    rows.sort(key=lambda r: r[0] != "3 sentences")
    print(table(rows, ["budget", "method", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1", "words", "articles/s"]))
    print("articles/s: choosing sentences from the parsed, split article (the parse is shared and counted above).")


if __name__ == "__main__":
    main()
