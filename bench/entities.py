"""Entity benchmark: mention detection and cross-document linking against MEANTIME's gold chains.

    python bench/entities.py ../shared/data/meantime-en [--split all|train|dev|test] [--limit N]

The MEANTIME articles (English Wikinews, 4 topics) are rebuilt from their tokens,
run through the site's own pipeline (spaCy pass, mentions, known names, the link
stage with no alias file), and compared with the gold entity mentions of the types
we show: PER (our PERSON), ORG (ORG) and LOC (GPE, LOC, FAC, and NORP, since MEANTIME
files demonyms such as "American" as LOC). Only named gold mentions count (a
capitalised word that is not a pronoun or a leading article: "Steve Jobs", "Apple",
not "the company" or a sentence-initial "He"), and only in the sentences MEANTIME
annotates.

Mention detection: a predicted mention is right when its token span equals a gold
mention's span (a leading "the" and a trailing "'s" ignored); "typed" also needs
the type to agree. Linking: B³ precision, recall and F1 over the mentions found
(those matched to gold), with MEANTIME's cross-document coreference chains as
gold clusters; the same figures for the baseline that links mentions whose
normalised strings are equal.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from _common import arguments, data_or_exit, table, timer

# MEANTIME files demonyms ("American", "European") as LOC mentions of the place.
TYPE_OF_LABEL = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "LOC"}
PRONOUNS = {"i", "we", "he", "she", "it", "they", "you", "me", "us", "him", "her", "them"}
GOLD_TYPES = {"PER", "ORG", "LOC"}
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "'s", "'", "n't", "%", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "$"}
DETERMINERS = {"the", "a", "an"}


@dataclass
class Document:
    doc_id: str
    text: str = ""
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)  # token id -> (start, end) in text
    sentence_of: dict[int, int] = field(default_factory=dict)  # token id -> sentence id
    words: dict[int, str] = field(default_factory=dict)


def read_documents(path: Path) -> dict[str, Document]:
    """Rebuild each article's text from MEANTIME's one-token-a-line file, keeping token offsets."""
    documents: dict[str, Document] = {}
    previous: dict[str, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        doc_id, sentence, token, word = parts[0], int(parts[1]), int(parts[2]), parts[3]
        document = documents.setdefault(doc_id, Document(doc_id))
        last = previous.get(doc_id)
        if last is not None:
            if last[0] != sentence:
                document.text += "\n"
            elif word not in NO_SPACE_BEFORE and last[1] not in NO_SPACE_AFTER:
                document.text += " "
        start = len(document.text)
        document.text += word
        document.spans[token] = (start, len(document.text))
        document.sentence_of[token] = sentence
        document.words[token] = word
        previous[doc_id] = (sentence, word)
    return documents


def trim(tokens: list[int], words: dict[int, str]) -> tuple[int, ...]:
    """A mention's token ids without a leading article or a trailing possessive."""
    kept = list(tokens)
    while kept and words[kept[0]].lower() in DETERMINERS:
        kept.pop(0)
    while kept and words[kept[-1]] in ("'s", "'"):
        kept.pop()
    return tuple(kept)


def is_named(tokens: tuple[int, ...], words: dict[int, str]) -> bool:
    """A mention with a capitalised word that is not a pronoun: a name, not "the company" or "He"."""
    return any(words[t][:1].isupper() and words[t].lower() not in PRONOUNS for t in tokens)


def b_cubed(mentions: list[str], predicted: dict[str, str], gold: dict[str, str]) -> tuple[float, float, float]:
    """B³ precision, recall and F1 of a clustering over the given mentions."""
    by_predicted: dict[str, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        by_predicted[predicted[mention]].add(mention)
        by_gold[gold[mention]].add(mention)
    precision = recall = 0.0
    for mention in mentions:
        same_predicted = by_predicted[predicted[mention]]
        same_gold = by_gold[gold[mention]]
        overlap = len(same_predicted & same_gold)
        precision += overlap / len(same_predicted)
        recall += overlap / len(same_gold)
    if not mentions:
        return 0.0, 0.0, 0.0
    p, r = precision / len(mentions), recall / len(mentions)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def prf(correct: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = correct / predicted if predicted else 0.0
    r = correct / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _options(parser) -> None:  # noqa: ANN001 - argparse
    parser.add_argument("--split", default="all", choices=["all", "train", "dev", "test"])
    parser.add_argument("--errors", action="store_true", help="list the gold chains split and the entities mixed")
    parser.add_argument("--cache", default="", help="analysis cache folder (reused across runs)")


def print_errors(ids: list[str], ours: dict[str, str], gold: dict[str, str], text: dict[str, str]) -> None:
    """The gold chains our linking splits and the entities it mixes, largest first, with their names and what
    each costs B³ recall (split chains) or precision (mixed entities)."""
    by_gold: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_ours: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for i in ids:
        by_gold[gold[i]][ours[i]].append(text[i])
        by_ours[ours[i]][gold[i]].append(text[i])
    for title, table_ in (("split gold chains", by_gold), ("mixed entities", by_ours)):
        print(f"\n{title}")
        worst = sorted((v for v in table_.values() if len(v) > 1), key=lambda v: -sum(map(len, v.values())))
        for parts in worst[:25]:
            size = sum(map(len, parts.values()))
            cost = sum(len(names) * (1 - len(names) / size) for names in parts.values()) / len(ids)
            named = " | ".join(f"{k}: {sorted(set(names))[:4]} x{len(names)}" for k, names in parts.items())
            print(f"   {cost:.4f}", named)  # what it costs B³ precision (mixed) or recall (split)


def main() -> None:
    args = arguments(
        __doc__.splitlines()[0],
        "../shared/data/meantime-en",
        _options,
    )
    folder = data_or_exit(args.data, f"{args.split}_text.txt")
    from generator.analyse import analyse_articles
    from generator.config import Config
    from generator.link.entities import link_entities, normalise
    from generator.model import Article

    documents = read_documents(folder / f"{args.split}_text.txt")
    if args.limit:
        documents = dict(list(documents.items())[: args.limit])
    annotated: dict[str, set[int]] = defaultdict(set)
    gold_spans: dict[tuple[str, tuple[int, ...]], tuple[str, str]] = {}  # (doc, tokens) -> (type, chain)
    for name in (f"{args.split}_entity_gold_mentions.json", f"{args.split}_event_gold_mentions.json"):
        path = folder / name
        if not path.exists():
            continue
        for item in json.loads(path.read_text(encoding="utf-8")):
            if item["doc_id"] not in documents:
                continue
            annotated[item["doc_id"]].add(int(item["sent_id"]))
            if item.get("event_entity") != "entity" or item["mention_type"] not in GOLD_TYPES:
                continue
            words = documents[item["doc_id"]].words
            tokens = trim([int(t) for t in item["tokens_ids"]], words)
            if tokens and is_named(tokens, words):
                gold_spans[(item["doc_id"], tokens)] = (item["mention_type"], item["coref_chain"])

    articles = [
        Article(id=f"d{i}", slug=f"d{i}", path=d.doc_id, title=d.doc_id, text=d.text)
        for i, d in enumerate(documents.values())
    ]
    doc_of = {a.id: a.path for a in articles}
    with timer() as analyse_time:
        analyses, _ = analyse_articles(articles, Config(), Path(args.cache) if args.cache else None)
    with timer() as link_time:
        _, linked = link_entities(articles, analyses)
    labels = {}
    for article in articles:
        for mention in analyses[article.id].mentions:
            labels[(article.id, mention.start, mention.end)] = mention.label

    predicted_spans: dict[tuple[str, tuple[int, ...]], tuple[str, str, str]] = {}  # -> (type, entity, text)
    for article in articles:
        document = documents[doc_of[article.id]]
        for mention in linked[article.id]:
            tokens = tuple(t for t, (s, e) in document.spans.items() if s < mention.end and mention.start < e)
            if not tokens or document.sentence_of[tokens[0]] not in annotated[document.doc_id]:
                continue
            label = labels.get((article.id, mention.start, mention.end), "")
            kind = TYPE_OF_LABEL.get(label, "" if label == "" else "OTHER")
            if kind == "OTHER":
                continue
            predicted_spans[(document.doc_id, trim(list(tokens), document.words))] = (
                kind,
                mention.entity,
                mention.text,
            )

    matched = [key for key in predicted_spans if key in gold_spans]
    typed = [key for key in matched if predicted_spans[key][0] in ("", gold_spans[key][0])]
    detection = prf(len(matched), len(predicted_spans), len(gold_spans))
    detection_typed = prf(len(typed), len(predicted_spans), len(gold_spans))

    ids = [f"{doc}|{'-'.join(map(str, tokens))}" for doc, tokens in matched]
    gold = {i: gold_spans[key][1] for i, key in zip(ids, matched, strict=True)}
    ours = {i: predicted_spans[key][1] for i, key in zip(ids, matched, strict=True)}
    baseline = {i: normalise(predicted_spans[key][2]) for i, key in zip(ids, matched, strict=True)}
    ours_b3 = b_cubed(ids, ours, gold)
    if args.errors:
        print_errors(ids, ours, gold, {i: predicted_spans[key][2] for i, key in zip(ids, matched, strict=True)})
    base_b3 = b_cubed(ids, baseline, gold)
    cross = sum(1 for chain in {gold[i] for i in ids} if len({i.split("|")[0] for i in ids if gold[i] == chain}) > 1)

    print(
        f"MEANTIME {args.split}: {len(documents)} articles, {len(gold_spans)} named gold mentions (PER/ORG/LOC) "
        f"in annotated sentences, {len(predicted_spans)} predicted, {len(matched)} matched; "
        f"{cross} gold chains among the matched mentions span more than one article"
    )
    print(f"analysis {analyse_time[0]:.1f}s, linking {link_time[0]:.2f}s\n")
    print("Mention detection")
    print(
        table(
            [
                ["span match", *(f"{x:.3f}" for x in detection)],
                ["span and type match", *(f"{x:.3f}" for x in detection_typed)],
            ],
            ["", "P", "R", "F1"],
        )
    )
    print("\nCross-document linking, B³ over the mentions found")
    print(
        table(
            [
                ["ours (link stage)", *(f"{x:.3f}" for x in ours_b3)],
                ["exact normalised string", *(f"{x:.3f}" for x in base_b3)],
            ],
            ["", "P", "R", "F1"],
        )
    )


if __name__ == "__main__":
    main()
