"""Topic benchmark: NMI and adjusted Rand index against the five BBC categories.

    python bench/topics.py ../shared/data/bbc-news-summary/articles [--limit N]

The category of an article is the first folder of its path. Ours: the site's own
analysis (cached in .cache/bench-analysis) and article vectors, then
- stories: the site's topics (average-linkage clustering, generator/link/topics.py);
- broad topics: Louvain communities of the 20-nearest-neighbour graph (`broad_topics`).
Neither is told how many categories there are. Baseline: k-means (scikit-learn,
one run, random_state=0) on TF-IDF vectors of the article text (English stop words
removed), given the true number of categories.
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
    from generator.link.topics import (
        article_vectors,
        broad_topics,
        cluster,
        label_topic,
        similarity_of,
        word_document_frequency,
    )

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
        similarity = similarity_of(article_vectors(articles, analyses))
    shared = took[0]
    with timer() as took:
        stories = cluster(similarity, config.topic_min_similarity)
    rows.append(["ours: stories (site topics)", stories, shared + took[0]])
    with timer() as took:
        broad = broad_topics(similarity)
    rows.append(["ours: broad topics", broad, shared + took[0]])
    with timer() as took:
        tfidf = TfidfVectorizer(stop_words="english").fit_transform([a.text for a in articles])
        kmeans = KMeans(n_clusters=categories, n_init=1, random_state=0).fit_predict(tfidf)
    rows.append([f"k-means on TF-IDF, k={categories} given", list(kmeans), took[0]])
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
    texts = {a.id: a.text for a in articles}
    word_df = word_document_frequency(list(texts.values()))
    category_of = dict(zip(ids, gold, strict=True))
    print("\nBroad topics, largest first (label: articles, most common category):")
    for label in sorted(members, key=lambda m: -len(members[m]))[:10]:
        group = members[label]
        name, _ = label_topic(group, analyses, texts, word_df)
        top = max(set(category_of[a] for a in group), key=lambda c: sum(category_of[a] == c for a in group))
        share = sum(category_of[a] == top for a in group) / len(group)
        print(f"- {name}: {len(group)} articles, {share:.0%} {top}")


if __name__ == "__main__":
    main()
