"""Topics: the stories, and the articles that join none, as the site shows them; and subjects above them.

`link_topics` is the link stage's one call: it finds each article's nearest neighbours
(`similarity`), the stories (`stories`) and the broad subjects (`subjects`), and builds
the `Topic` and `Subject` objects: a story is titled by the headline of its most
central article, with its keyword label as a subtitle (the phrases its articles share
most, weighted by how distinctive they are in the corpus). Every article keeps a topic,
so pages can always link one: an article that joins no story gets a topic of its own,
marked `is_story=False` and listed in `Corpus.no_story`.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from scipy import sparse

from generator.analyse.keywords import fold_phrase
from generator.config import Config
from generator.ingest.slug import SlugRegistry, slugify
from generator.link.similarity import (
    Neighbours,
    Search,
    TermCounts,
    content_words,
    lemma_counts,
    neighbour_searches,
    pair_products,
    rare_term_vectors,
    related_articles,
    sampled_background,
    term_counts,
)
from generator.link.stories import (
    STORY_DAYS,
    STORY_EVIDENCE,
    STORY_NEIGHBOURS,
    central_rows,
    cohesive_stories,
    core_stories,
    find_stories,
    headline_of,
    supported_stories,
)
from generator.link.subjects import SUBJECT_NEIGHBOURS, find_subjects, subject_vectors
from generator.model import Article, ArticleAnalysis, Entity, LinkedMention, Subject, Topic


@dataclass(frozen=True)
class CorpusWords:
    """Each article's content words (folded lemmas) and in how many articles each occurs, read once."""

    words: dict[str, frozenset[str]]  # article id -> its folded content-word lemmas
    df: Counter[str]
    keywords: dict[str, tuple[tuple[str, str], ...]]  # article id -> its keywords (folded, as written)

    @property
    def total(self) -> int:
        return len(self.words)


def corpus_words(analyses: dict[str, ArticleAnalysis], ids: list[str], counts: TermCounts | None = None) -> CorpusWords:
    """From the analysis's lemmas (no second pass over the text): "ministries" and "Ministry" are one word.

    `counts`: the `lemma_counts` of the articles `ids`, in that order, when already made: each distinct
    lemma of the corpus is then folded once and each article's words read from its row.
    """
    if counts is None:
        counts = term_counts([list(analyses[i].lemmas) for i in ids])
    folded_terms = [fold_phrase(term) for term in counts.terms]
    matrix = counts.counts
    words = {
        article_id: frozenset(map(folded_terms.__getitem__, matrix.indices[start:stop].tolist()))
        for article_id, start, stop in zip(ids, matrix.indptr[:-1].tolist(), matrix.indptr[1:].tolist(), strict=True)
    }
    df: Counter[str] = Counter()
    for found in words.values():
        df.update(found)
    folded_keywords: dict[str, str] = {}
    keywords = {
        i: tuple(
            (folded_keywords.get(k.text) or folded_keywords.setdefault(k.text, fold_phrase(k.text)), k.text)
            for k in analyses[i].keywords
        )
        for i in ids
    }
    return CorpusWords(words, df, keywords)


LABEL_CANDIDATES = 40  # the members' most used keywords that compete for the label


def label_topic(
    members: list[str], analyses: dict[str, ArticleAnalysis], corpus: CorpusWords
) -> tuple[str, tuple[str, ...]]:
    """A readable label (up to three phrases) and the topic's keywords, best first.

    The candidates are the keywords the members give most often. Each scores by how
    many of the topic's articles use all of its words, times how rare it is in the
    corpus (the document frequency of its rarest word), so a word every article uses
    labels no topic. Work grows with members × candidates, not with the members' text.
    """
    first_form: dict[str, str] = {}
    given: Counter[str] = Counter()
    for article_id in members:
        for folded, text in corpus.keywords[article_id]:
            first_form.setdefault(folded, text)
            given[folded] += 1
    pool = sorted(given, key=lambda f: (-given[f], first_form[f].lower()))[:LABEL_CANDIDATES]
    scores: dict[str, float] = {}
    for folded in pool:
        words = [w for w in folded.split() if w in corpus.df] or folded.split()  # stop words are no lemmas
        present = sum(1 for article_id in members if all(w in corpus.words[article_id] for w in words))
        rarest = min((corpus.df.get(w, 1) for w in words), default=1)
        scores[folded] = present * math.log(1 + corpus.total / max(rarest, 1))
    ranked = sorted(scores, key=lambda f: (-scores[f], first_form[f].lower()))
    keywords = tuple(first_form[f] for f in ranked[:10])
    shown = distinct_phrases(ranked[:10], 3)
    label = " · ".join(first_form[f] for f in shown) if shown else "Untitled topic"
    return label, keywords


def distinct_phrases(ranked: list[str], limit: int) -> list[str]:
    """Up to `limit` folded phrases, best first, none repeating another's words ("absentee · absentee
    ballots · ballot" says one thing): a phrase holding every word of a chosen one takes its place."""
    chosen: list[str] = []
    for phrase in ranked:
        words = phrase.split()
        overlapping = [i for i, other in enumerate(chosen) if _share_a_word(words, other.split())]
        if not overlapping:
            if len(chosen) < limit:
                chosen.append(phrase)
            continue
        first = overlapping[0]
        inside = chosen[first].split()
        if len(overlapping) == 1 and len(words) > len(inside) and all(_share_a_word([w], words) for w in inside):
            chosen[first] = phrase
    return chosen


def _share_a_word(left: list[str], right: list[str]) -> bool:
    """Whether a word of one is a word of the other, or its stem ("protests", "protesters")."""
    return any(_same_stem(a, b) for a in left for b in right)


def _same_stem(a: str, b: str) -> bool:
    """Equal, one the other's start (four letters or more), or the same first six letters."""
    if a == b:
        return True
    short, long = (a, b) if len(a) <= len(b) else (b, a)
    return (len(short) >= 4 and long.startswith(short)) or (len(short) >= 6 and a[:6] == b[:6])


def topic_entities(
    members: list[str], mentions: dict[str, tuple[LinkedMention, ...]], entities: dict[str, Entity]
) -> tuple[str, ...]:
    """Up to 12 entities of the topic, those that set it apart first: articles naming it × its rarity."""
    corpus_size = len(mentions)
    counts: Counter[str] = Counter()
    for article_id in members:
        for entity_id in {m.entity for m in mentions[article_id]}:
            counts[entity_id] += 1
    ranked = sorted(counts, key=lambda e: (-counts[e] * _rarity(entities[e], corpus_size), entities[e].name))
    return tuple(ranked[:12])


def _rarity(entity: Entity, corpus_size: int) -> float:
    """How much naming the entity tells a story from the rest of the corpus (its inverse document frequency):
    the people a story is about before the president every article names."""
    return math.log(1 + corpus_size / max(len(entity.articles), 1))


def continues_a_quote(text: str) -> bool:
    """Whether the sentence goes on with a quote opened in an earlier one: its first curly quotation
    mark closes ("And is there a way ... a cleaning,” Trump said"). Alone, it starts mid-quote."""
    closing, opening = text.find("”"), text.find("“")
    return closing >= 0 and (opening < 0 or closing < opening)


_LEANING_OPENERS = frozenset("he she they his her their him them".split())


def leans_on_before(text: str) -> bool:
    """Whether the sentence opens with a personal pronoun ("He added, …", "Their plan …"): out of its article,
    on a story card or summary, nothing says who it is."""
    first = text.lstrip(" \"'“‘(").split(None, 1)
    return bool(first) and first[0].rstrip(",;:").lower() in _LEANING_OPENERS


def topic_summary(
    members: list[str], analyses: dict[str, ArticleAnalysis], size: int = 3, max_overlap: float = 0.35
) -> list[tuple[str, str]]:
    """A multi-document summary: (article id, sentence) pairs covering what the articles share.

    Candidates are the members' own summary sentences, less those that go on with a quote opened
    before them (`continues_a_quote`): out of their article they start mid-quote; nor those that open with
    a personal pronoun (`leans_on_before`: "He added, …" says nothing of who). A sentence scores by the words
    it shares with the other articles (each word weighted by the number of member
    articles that use it, its own article not counted), divided by the square root of
    its length; sentences are taken best first, skipping any whose words overlap a
    chosen one by more than `max_overlap` (Jaccard), and at most one per article
    until every article has had a turn. Shown in the order chosen.
    """
    if len(members) < 2:
        return []
    words_of = {aid: content_words(" ".join(s.text for s in analyses[aid].sentences)) for aid in members}
    spread: Counter[str] = Counter(w for words in words_of.values() for w in words)
    candidates = []
    for aid in members:
        analysis = analyses[aid]
        for index in analysis.summary:
            text = analysis.sentences[index].text
            words = content_words(text)
            if not words or continues_a_quote(text) or leans_on_before(text):
                continue
            shared = sum(spread[w] - 1 for w in words)
            candidates.append((shared / math.sqrt(len(words)), aid, text, words))
    position = {aid: i for i, aid in reversed(list(enumerate(members)))}  # an id's first place, as list.index
    candidates.sort(key=lambda c: (-c[0], position[c[1]]))
    chosen: list[tuple[str, str, set[str]]] = []
    for one_per_article in (True, False):
        for score, aid, text, words in candidates:
            if len(chosen) == size or score <= 0:
                break
            if any(t == text for _, t, _ in chosen) or (one_per_article and any(a == aid for a, _, _ in chosen)):
                continue
            if any(len(words & w) / len(words | w) > max_overlap for _, _, w in chosen):
                continue
            chosen.append((aid, text, words))
    return [(aid, text) for aid, text, _ in chosen]


@dataclass(frozen=True)
class TopicLinks:
    """What `link_topics` adds to the corpus."""

    topics: tuple[Topic, ...]  # stories, largest first, then the articles that join no story, in corpus order
    article_topic: dict[str, str]  # every article id -> its topic id
    no_story: tuple[str, ...]  # ids of the articles that join no story, in corpus order
    subjects: tuple[Subject, ...]
    related: dict[str, tuple[tuple[str, float], ...]]


@dataclass(frozen=True)
class WordNeighbours:
    """What the articles' content words alone tell, before any entity is linked (so the link stage can find it
    beside entity linking, `link.background`): the lemmas counted and weighted, each article's nearest
    neighbours for stories and for subjects, the background similarity stories must stand out of, related
    articles. Not the subjects themselves: their k-means runs OpenMP threads, which hang in a process forked
    from one that has run them (GNU libgomp is not fork-safe), so `link_topics` finds them here."""

    counts: TermCounts  # the lemmas counted once, for the subject and the rare-term rows
    lemmas: sparse.csr_matrix  # TF-IDF rows of the lemmas: the story and the subject similarity
    neighbours: Neighbours  # the story search: each article's best by words × closeness in date
    subject_neighbours: Neighbours
    resolution: float
    related: dict[str, tuple[tuple[str, float], ...]]


def word_neighbours(articles: list[Article], analyses: dict[str, ArticleAnalysis], config: Config) -> WordNeighbours:
    """Both neighbour searches from one product of the lemma rows; related articles from the story search.

    Stories are searched on the words alone (entities as a share of the similarity split the seeds' story,
    `similarity.LEMMA_WEIGHT`); the entities articles share count as rare-term evidence in `link_topics`.
    """
    counts = lemma_counts(articles, analyses)
    lemmas = subject_vectors(articles, analyses, counts)
    story_search = Search(max(STORY_NEIGHBOURS, config.related_articles), [a.date for a in articles], STORY_DAYS)
    neighbours, subject_neighbours = neighbour_searches(lemmas, [story_search, Search(SUBJECT_NEIGHBOURS)])
    # A corpus about one subject (the seeds) has a high background similarity: its stories must stand out of it.
    resolution = max(config.topic_min_similarity, sampled_background(lemmas))
    ids = [a.id for a in articles]
    related = related_articles(neighbours, ids, config.related_articles, config.related_min_similarity)
    return WordNeighbours(counts, lemmas, neighbours, subject_neighbours, resolution, related)


def link_topics(
    articles: list[Article],
    analyses: dict[str, ArticleAnalysis],
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: dict[str, Entity],
    duplicate_of: dict[str, str],
    words_alone: WordNeighbours,
) -> TopicLinks:
    """Stories, the articles that join none, subjects and related articles, from `word_neighbours`.

    The story links are the word neighbours that share enough rare words and entities. `duplicate_of`:
    article id -> the article it copies; an article and its copies are one article, so a story of nothing
    else is none and a copy adds no evidence (`stories.supported_stories`).
    """
    ids = [a.id for a in articles]
    counts = words_alone.counts
    story_links = words_alone.neighbours.top(STORY_NEIGHBOURS)
    rare = rare_term_vectors(articles, analyses, mentions, lemmas=counts)
    story_links = story_links.keep(pair_products(rare, story_links) >= STORY_EVIDENCE)
    row_of = {article_id: row for row, article_id in enumerate(ids)}
    original = [row_of[duplicate_of.get(i, i)] for i in ids]  # an article and its copies are one
    groups = cohesive_stories(find_stories(story_links, words_alone.resolution), rare, original=original)
    groups = supported_stories(groups, rare, original=original)
    groups = supported_stories(core_stories(groups, rare, original=original), rare, original=original)
    words = corpus_words(analyses, ids, counts)
    titles = [a.title for a in articles]
    told: list[frozenset[str]] = []  # each article's content words, for titling a story of two (`central_rows`)
    if any(len(rows) == 2 for rows in groups.members):
        told = [
            frozenset(content_words(" ".join([a.title, *(s.text for s in analyses[a.id].sentences)]))) for a in articles
        ]
    centres = central_rows(groups, story_links.graph(), titles, told)
    slugs = SlugRegistry()
    topics: list[Topic] = []
    for rows, centre in zip(groups.members, centres, strict=True):
        members = [ids[row] for row in rows]
        central = articles[centre]
        topics.append(_topic(members, central, True, analyses, words, mentions, entities, slugs))
    no_story = tuple(ids[row] for row, label in enumerate(groups.labels) if label < 0)
    by_id = {a.id: a for a in articles}
    for article_id in no_story:
        topics.append(_topic([article_id], by_id[article_id], False, analyses, words, mentions, entities, slugs))
    article_topic = {article_id: topic.id for topic in topics for article_id in topic.articles}
    subject_rows = find_subjects(words_alone.subject_neighbours, words_alone.lemmas)
    subjects = _subjects(topics, dict(zip(ids, subject_rows, strict=True)), analyses, words)
    return TopicLinks(tuple(topics), article_topic, no_story, subjects, words_alone.related)


def _topic(
    members: list[str],
    central: Article,
    is_story: bool,
    analyses: dict[str, ArticleAnalysis],
    words: CorpusWords,
    mentions: dict[str, tuple[LinkedMention, ...]],
    entities: dict[str, Entity],
    slugs: SlugRegistry,
) -> Topic:
    """A story (or a lone article's topic) titled by the headline of `central`, its keywords as the subtitle."""
    subtitle, keywords = label_topic(members, analyses, words)
    headline = headline_of(central) or subtitle
    slug = slugs.claim(slugify(headline), members[0])
    return Topic(
        id=slug,
        slug=slug,
        label=headline,
        articles=tuple(members),
        keywords=keywords,
        entities=topic_entities(members, mentions, entities),
        headline_article=central.id,
        subtitle=subtitle,
        is_story=is_story,
    )


def _subjects(
    topics: list[Topic],
    subject_of_article: dict[str, int],
    analyses: dict[str, ArticleAnalysis],
    words: CorpusWords,
) -> tuple[Subject, ...]:
    """Each topic joins the subject most of its articles fall in; subjects are labelled by their keywords."""
    grouped: dict[int, list[Topic]] = {}
    for topic in topics:
        votes = Counter(subject_of_article[a] for a in topic.articles)
        grouped.setdefault(min(votes, key=lambda s: (-votes[s], s)), []).append(topic)
    slugs = SlugRegistry()
    subjects = []
    for members in sorted(grouped.values(), key=lambda t: -sum(len(x.articles) for x in t)):
        article_ids = [a for topic in members for a in topic.articles]
        label, _ = label_topic(article_ids, analyses, words)
        slug = slugs.claim("subject-" + slugify(label), article_ids[0])
        subjects.append(Subject(slug, slug, label, tuple(t.id for t in members), tuple(article_ids)))
    return tuple(subjects)
