"""Story benchmark: NMI and adjusted Rand index of the site's stories against hand and corpus labels.

    python bench/stories.py [../shared/data/ecbplus-dev] [--allsides FOLDER] [--labels CSV]
        [--titles N [--members] [--judged CSV]] [--polnear FOLDER [--polnear-judged CSV]]

ECB+ (dev split, 196 articles rebuilt from its tokens): the story of an article is its topic
and event (`T_Necb` / `T_Necbplus`: two real events of one topic, e.g. two earthquakes).
Ours is the link stage's own stories (`generator/link/topics.py`: `link_topics`), told
nothing; an article that joins no story counts as a story of its own. Baselines, given
the true number of stories: k-means (scikit-learn, n_init=10, random_state=0) and
average-linkage agglomerative clustering (cosine), both on the same story vectors.

AllSides (`--allsides`, a folder of the allsides-2020-04 records): the whole month is
linked; the score is over the hand-labelled sample in tests/data/allsides-stories.csv
(article ID -> story, "-" for an article that shares no story with another sampled one).
`--titles N` prints the N largest stories with their headline and subtitle, for judging
whether the headline names the story; `--members` also lists each story's member headlines,
the headline's marked `*`. `--judged CSV` (e.g. tests/data/allsides-story-titles-48431eb.csv:
rank, size, headline_article, verdict, class, reason, members) reuses the hand verdict of every
printed story whose members and headline article are those judged, prints the share of "yes"
with its 95% Wilson interval, and names the stories still to be judged.

PolNeAR (`--polnear ../shared/data/polnear-dev`): held out, never used to choose a setting. Its
train and dev articles are read as the site reads JSON Lines, from records made in a temporary
folder (`_polnear.polnear_records`: `title`, `outlet`, `date` from data/metadata.tsv, `text` from
data/<split>/text/, `filename` the corpus's file name, which is the id in the judgement file);
the whole corpus is linked and every story printed (with `--members`, their member headlines);
`--polnear-judged CSV` reuses verdicts as `--judged` does.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from _common import ROOT, arguments, data_or_exit, table, timer, wilson

NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$"}
LABELS = ROOT / "tests" / "data" / "allsides-stories.csv"
CACHE = ROOT / ".cache" / "bench-analysis"


def ecb_articles(folder: Path):  # noqa: ANN201 - (articles, gold labels)
    """ECB+ articles rebuilt from one token a line (sentences one a line), and their topic-event labels."""
    from generator.model import Article

    words: dict[str, list[str]] = {}
    previous: dict[str, tuple[int, str]] = {}
    for line in (folder / "dev_text.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        doc, sentence, word = parts[0], int(parts[1]), parts[3]
        out = words.setdefault(doc, [])
        last = previous.get(doc)
        if last is not None:
            if last[0] != sentence:
                out.append("\n")
            elif word not in NO_SPACE_BEFORE and last[1] not in NO_SPACE_AFTER:
                out.append(" ")
        out.append(word)
        previous[doc] = (sentence, word)
    articles, gold = [], []
    for doc in sorted(words):
        match = re.match(r"(\d+)_(\d+)(ecbplus|ecb)\.xml", doc)
        if not match:
            continue
        text = "".join(words[doc])
        slug = doc.removesuffix(".xml").lower()
        articles.append(Article(id=slug, slug=slug, path=doc, title=text.split("\n", 1)[0][:120], text=text))
        gold.append(f"{match.group(1)}-{match.group(3)}")
    return articles, gold


def link(articles, analyses):  # noqa: ANN001, ANN201 - the site's own link stage
    from generator.config import Config
    from generator.link import link_corpus

    return link_corpus(articles, analyses, Config(), Path("/nonexistent-alias-file.yml"))


def story_of(corpus) -> dict[str, str]:  # noqa: ANN001
    """Article id -> story id; an article that joins no story is its own."""
    return {a.id: corpus.article_topic[a.id] for a in corpus.articles}


def scores(gold: list[str], labels: list) -> list[str]:  # noqa: ANN001
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    return [f"{normalized_mutual_info_score(gold, labels):.3f}", f"{adjusted_rand_score(gold, labels):.3f}"]


def bench_ecb(folder: Path) -> None:
    from sklearn.cluster import AgglomerativeClustering, KMeans

    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.link.similarity import story_vectors

    articles, gold = ecb_articles(folder)
    analyses, _ = analyse_articles(articles, Config(), CACHE)
    k = len(set(gold))
    with timer() as took:
        corpus = link(articles, analyses)
    ours = story_of(corpus)
    labels = [ours[a.id] for a in articles]
    vectors = story_vectors(articles, analyses, corpus.mentions)
    kmeans = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(vectors)
    dense = vectors.toarray()
    agglomerative = AgglomerativeClustering(n_clusters=k, metric="cosine", linkage="average").fit_predict(dense)
    mixed = story_vectors(articles, analyses, corpus.mentions, lemma_weight=0.6)
    mixed_kmeans = KMeans(n_clusters=k, n_init=10, random_state=0).fit_predict(mixed)
    print(f"ECB+ dev: {len(articles)} articles, {k} stories (topic + event); link stage {took[0]:.1f}s")
    rows = [
        ["ours (told nothing)", str(len(set(labels))), *scores(gold, labels)],
        [f"k-means, k={k} given", str(k), *scores(gold, list(kmeans))],
        [f"agglomerative (average, cosine), k={k} given", str(k), *scores(gold, list(agglomerative))],
        [f"k-means on words 0.6 + entities 0.4, k={k} given", str(k), *scores(gold, list(mixed_kmeans))],
    ]
    print(table(rows, ["method", "stories", "NMI", "ARI"]))
    print(f"articles in no story: {len(corpus.no_story)}; stories: {len(corpus.stories)}")


def read_labels(path: Path) -> dict[str, str]:
    rows = csv.reader(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {row[0]: row[1] for row in rows if row and row[0] != "id"}


def read_judged(path: Path) -> dict[tuple[frozenset[str], str], tuple[str, str]]:
    """Hand title verdicts: (member record ids, headline record id) -> (verdict, class)."""
    rows = csv.DictReader(line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    return {(frozenset(r["members"].split()), r["headline_article"]): (r["verdict"], r["class"]) for r in rows}


def judged_share(verdicts: list[str]) -> str:
    """'k of n "the title names the story" (p %, 95 % Wilson low-high %)' over the judged verdicts."""
    yes, total = verdicts.count("yes"), len(verdicts)
    low, high = wilson(yes, total)
    share = 100 * yes / total if total else 0.0
    interval = f"95 % Wilson {100 * low:.0f}-{100 * high:.0f} %"
    return f'{yes} of {total} "the title names the story" ({share:.0f} %, {interval})'


def read_and_link(folder: Path):  # noqa: ANN201 - the articles, the linked corpus and the link stage's seconds
    """A folder of articles read and analysed as the site does them (analyses cached), then linked."""
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus

    config = Config()
    articles = read_corpus(folder, config).articles
    analyses, _ = analyse_articles(articles, config, CACHE)
    with timer() as took:
        corpus = link(articles, analyses)
    return articles, corpus, took[0]


def bench_allsides(
    folder: Path, labels_path: Path, titles: int, members: bool = False, judged_path: Path | None = None
) -> None:
    articles, corpus, seconds = read_and_link(folder)
    labels = read_labels(labels_path)
    record_id = {a.id: Path(a.path).stem for a in articles}
    sample = [a for a in articles if record_id[a.id] in labels]
    gold = [labels[record_id[a.id]] if labels[record_id[a.id]] != "-" else "alone-" + a.id for a in sample]
    ours = story_of(corpus)
    print(
        f"\nallsides-2020-04: {len(articles)} articles linked in {seconds:.1f}s; "
        f"{len(corpus.stories)} stories, {len(corpus.no_story)} articles in none; "
        f"hand-labelled sample: {len(sample)} articles, {len(set(gold))} stories and lone articles"
    )
    print(table([["ours", *scores(gold, [ours[a.id] for a in sample])]], ["method", "NMI", "ARI"]))
    print_stories(corpus, articles, record_id, titles, members, judged_path)


def bench_polnear(root: Path, members: bool = False, judged_path: Path | None = None) -> None:
    """Every story of PolNeAR (train + dev), read as JSON Lines records made in a temporary folder."""
    import json
    import tempfile

    from _polnear import polnear_records

    with tempfile.TemporaryDirectory(prefix="polnear-records-") as folder:
        lines = (json.dumps(record, ensure_ascii=False) for record in polnear_records(root))
        (Path(folder) / "polnear.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        articles, corpus, seconds = read_and_link(Path(folder))
    record_id = {a.id: str(a.extra.get("filename") or Path(a.path).stem) for a in articles}
    print(
        f"\nPolNeAR: {len(articles)} articles linked in {seconds:.1f}s; "
        f"{len(corpus.stories)} stories, {len(corpus.no_story)} articles in none"
    )
    print_stories(corpus, articles, record_id, len(corpus.stories), members, judged_path)


def print_stories(  # noqa: ANN001 - corpus and articles as the link stage gives them
    corpus, articles, record_id: dict[str, str], titles: int, members: bool, judged_path: Path | None
) -> None:
    """The `titles` largest stories with headline and subtitle (and member headlines), hand verdicts reused."""
    title_of = {a.id: a.title for a in articles}
    judged = read_judged(judged_path) if judged_path else {}
    verdicts: list[str] = []
    unjudged: list[int] = []
    for rank, topic in enumerate(corpus.stories[:titles], 1):
        head = record_id[topic.headline_article] if topic.headline_article else "?"
        verdict = judged.get((frozenset(record_id[a] for a in topic.articles), head))
        if verdict:
            verdicts.append(verdict[0])
        elif judged_path:
            unjudged.append(rank)
        mark = f"  [{verdict[0]}, {verdict[1]}]" if verdict else ""
        print(f"- [{len(topic.articles)}] {topic.label}  ({head}; {topic.subtitle}){mark}")
        if members:
            for article_id in topic.articles:
                mark = "*" if article_id == topic.headline_article else " "
                print(f"    {mark} {record_id[article_id]}  {title_of[article_id]}")
    if judged_path:
        print(f"\ntitles judged in {judged_path.name}: {judged_share(verdicts)}")
        print(f"stories not judged there (members or headline differ): {len(unjudged)}: ranks {unjudged}")


def main() -> None:
    def extra(parser) -> None:  # noqa: ANN001
        parser.add_argument("--allsides", default="", help="folder of allsides-2020-04 records (readable text)")
        parser.add_argument("--labels", default=str(LABELS), help="hand labels of the allsides sample")
        parser.add_argument("--titles", type=int, default=0, help="print the N largest allsides stories' titles")
        parser.add_argument("--members", action="store_true", help="with --titles: list each story's member headlines")
        parser.add_argument("--judged", default="", help="with --titles: hand title verdicts to reuse (CSV)")
        parser.add_argument("--polnear", default="", help="the PolNeAR folder (../shared/data/polnear-dev)")
        parser.add_argument("--polnear-judged", default="", help="with --polnear: hand title verdicts to reuse (CSV)")

    args = arguments("Story NMI/ARI on ECB+ and a hand-labelled allsides sample.", "../shared/data/ecbplus-dev", extra)
    folder = data_or_exit(args.data, "dev_text.txt")
    bench_ecb(folder)
    if args.allsides:
        judged = Path(args.judged) if args.judged else None
        bench_allsides(data_or_exit(args.allsides, "."), Path(args.labels), args.titles, args.members, judged)
    if args.polnear:
        judged = Path(args.polnear_judged) if args.polnear_judged else None
        bench_polnear(data_or_exit(args.polnear, "data/metadata.tsv"), args.members, judged)


if __name__ == "__main__":
    main()
