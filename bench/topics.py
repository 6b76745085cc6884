"""Topic benchmark: NMI and adjusted Rand index against the five BBC categories.

    python bench/topics.py ../shared/data/bbc-news-summary/articles [--limit N]

The category of an article is the first folder of its path. Ours: the site's own
analysis (cached in .cache/bench-analysis) and the link stage's own code:
- subjects: `generator/link/subjects.py` (Leiden modularity communities of the
  30-nearest-neighbour graph of lemma TF-IDF rows, refined by k-means from them);
- stories: `generator/link/stories.py` (an article in no story counts as its own).
Neither is told how many categories there are. Baseline: k-means (scikit-learn,
random_state=0) on TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2)
rows of the article text, given the true number of categories, with one start
(n_init=1) and with ten (n_init=10, the best of ten runs).
"""

from __future__ import annotations

from collections import defaultdict

from _common import ROOT, arguments, data_or_exit, table, timer


def main() -> None:
    args = arguments(
        "NMI/ARI of our topics and k-means on the BBC categories.", "../shared/data/bbc-news-summary/articles"
    )
    data = data_or_exit(args.data, ".")
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.ingest import read_corpus
    from generator.link.similarity import lemma_vectors, nearest_neighbours, sampled_background
    from generator.link.stories import STORY_NEIGHBOURS, find_stories
    from generator.link.subjects import SUBJECT_NEIGHBOURS, find_subjects
    from generator.link.topics import corpus_words, label_topic

    config = Config()
    articles = read_corpus(data, config).articles
    if args.limit:
        articles = articles[: args.limit]
    gold = [a.path.split("/")[0] for a in articles]
    categories = len(set(gold))
    with timer() as analyse_time:
        analyses, stats = analyse_articles(articles, config, ROOT / ".cache" / "bench-analysis")
    print(
        f"{len(articles)} articles in {categories} categories; analysis {analyse_time[0]:.0f}s "
        f"({stats.analysed} analysed, {stats.from_cache} from the cache)"
    )
    rows = []
    with timer() as took:
        lemmas = lemma_vectors(articles, analyses)
        broad = find_subjects(nearest_neighbours(lemmas, SUBJECT_NEIGHBOURS), lemmas)
    rows.append(["ours: subjects", broad, took[0]])
    with timer() as took:
        resolution = max(config.topic_min_similarity, sampled_background(lemmas))
        groups = find_stories(nearest_neighbours(lemmas, STORY_NEIGHBOURS), resolution)
        stories = [label if label >= 0 else -1 - row for row, label in enumerate(groups.labels)]
    rows.append(["ours: stories (an article in none is its own)", stories, took[0]])
    texts = [a.text for a in articles]
    for starts in (1, 10):
        with timer() as took:
            tfidf = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(texts)
            kmeans = KMeans(n_clusters=categories, n_init=starts, random_state=0).fit_predict(tfidf)
        rows.append([f"k-means on TF-IDF, k={categories} given, n_init={starts}", list(kmeans), took[0]])
    print(
        table(
            [
                [
                    name,
                    str(len(set(labels))),
                    f"{normalized_mutual_info_score(gold, labels):.3f}",
                    f"{adjusted_rand_score(gold, labels):.3f}",
                    f"{seconds:.1f}",
                ]
                for name, labels, seconds in rows
            ],
            ["method", "topics", "NMI", "ARI", "seconds"],
        )
    )
    ids = [a.id for a in articles]
    members: dict[int, list[str]] = defaultdict(list)
    for article_id, label in zip(ids, broad, strict=True):
        members[label].append(article_id)
    words = corpus_words(analyses, ids)
    category_of = dict(zip(ids, gold, strict=True))
    print("\nSubjects, largest first (label: articles, most common category):")
    for label in sorted(members, key=lambda m: -len(members[m]))[:10]:
        group = members[label]
        name, _ = label_topic(group, analyses, words)
        top = max(set(category_of[a] for a in group), key=lambda c: sum(category_of[a] == c for a in group))
        share = sum(category_of[a] == top for a in group) / len(group)
        print(f"- {name}: {len(group)} articles, {share:.0%} {top}")


if __name__ == "__main__":
    main()
