"""Entity linking against a hand gold list: B³ of name-to-entity assignment on a real month of coverage.

    python bench/entity_gold.py ../shared/data/allsides-2020-04 [--gold tests/data/allsides-2020-04-entities.yml]
                                [--base-commit 6ed6214] [--cache DIR] [--limit N]

The corpus is read by the site's own ingest, parsed once with the site's spaCy pipeline (the
parsed Docs are kept in `--cache`, so reruns and the older build share one parse), and each
article's mentions (`extract_mentions`, `find_acronyms`, sentences) are linked by:

- ours: `link_entities` of this tree;
- exact string: mentions whose names are the same string (white space folded) are one entity;
- the build before issue 13 (`--base-commit`): that commit's `generator/` (from `git archive`)
  runs its own mention tidying and linking on the same parsed Docs, in a subprocess.

Items are the mentions whose name the gold lists (an ambiguous name counts when its article
names exactly one candidate in full, or the gold says what it means otherwise); B³ precision
and recall compare each system's entity of an item with the gold entity. It also lists the
entities with a page (named in two articles or more) whose display name is a bare surname or
an abbreviation of a person or entity that has a full-name page, and times `link_entities`.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from _common import ROOT, arguments, data_or_exit, table

Assignment = dict[str, list[tuple[str, str]]]  # article id -> [(name as written, entity id)]


def _options(parser) -> None:  # noqa: ANN001 - argparse
    parser.add_argument("--gold", default=str(ROOT / "tests/data/allsides-2020-04-entities.yml"))
    parser.add_argument("--base-commit", default="6ed6214", help="the build to compare with ('' to skip)")
    parser.add_argument("--cache", default=str(ROOT / ".cache/bench-entity-gold"), help="parsed Docs, results")
    parser.add_argument("--as-base", default="", help=argparse_hidden())
    parser.add_argument("--min-articles", type=int, default=2, help="articles an entity needs for a page")


def argparse_hidden() -> str:
    return "(internal) run as the older build from this folder and print its assignment as JSON"


def load_docs(articles: list, cache: Path) -> list:  # noqa: ANN001 - Articles, spaCy Docs
    """The articles parsed by the site's pipeline, from a DocBin in the cache when the texts are unchanged."""
    from spacy.tokens import DocBin

    from generator.analyse.nlp import load_model, model_signature

    nlp = load_model("auto")
    digest = hashlib.sha256("\0".join([model_signature(), *(a.text for a in articles)]).encode()).hexdigest()[:16]
    path = cache / f"docs-{digest}.spacy"
    if path.exists():
        return list(DocBin().from_bytes(path.read_bytes()).get_docs(nlp.vocab))
    print(f"parsing {len(articles)} articles once (kept in {path})", file=sys.stderr)
    docs = list(nlp.pipe([a.text for a in articles], batch_size=32))
    cache.mkdir(parents=True, exist_ok=True)
    store = DocBin(store_user_data=False)
    for doc in docs:
        store.add(doc)
    path.write_bytes(store.to_bytes())
    return docs


def link(articles: list, docs: list) -> tuple[Assignment, float, list]:  # noqa: ANN001
    """Mentions of the tree on sys.path, linked by its `link_entities`; seconds linking took; its entities."""
    from generator.analyse.mentions import extract_mentions, find_acronyms
    from generator.analyse.summary import sentence_features
    from generator.config import Config
    from generator.link.entities import link_entities
    from generator.model import ArticleAnalysis

    labels = set(Config().entity_types)
    analyses = {}
    for article, doc in zip(articles, docs, strict=True):
        sentences, _ = sentence_features(doc)
        mentions = extract_mentions(doc, labels, [s.start for s in sentences])
        analyses[article.id] = ArticleAnalysis(tuple(sentences), (), (), mentions, (), find_acronyms(doc.text), ())
    start = time.perf_counter()
    entities, linked = link_entities(articles, analyses)
    seconds = time.perf_counter() - start
    return {aid: [(m.text, m.entity) for m in ms] for aid, ms in linked.items()}, seconds, list(entities)


def base_assignment(commit: str, data: Path, cache: Path, limit: int) -> tuple[Assignment, float] | None:
    """The older build's assignment: its generator/ from `git archive`, run in a subprocess on the same Docs."""
    texts = hashlib.sha256((cache / "articles.json").read_bytes()).hexdigest()[:12]
    stored = cache / f"base-{commit}-{texts}.json"
    if stored.exists():
        found = json.loads(stored.read_text(encoding="utf-8"))
        return found["assignment"], found["seconds"]
    with tempfile.TemporaryDirectory() as folder:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "generator"], capture_output=True)
        if archive.returncode != 0:
            print(f"cannot read commit {commit}: {archive.stderr.decode().strip()}; no comparison with it")
            return None
        subprocess.run(["tar", "-x", "-C", folder], input=archive.stdout, check=True)
        command = [sys.executable, __file__, str(data), "--as-base", folder, "--cache", str(cache)]
        if limit:
            command += ["--limit", str(limit)]
        run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"the build at {commit} failed: {run.stderr.strip()[-2000:]}")
        return None
    found = json.loads(run.stdout)
    stored.write_text(json.dumps(found), encoding="utf-8")
    return found["assignment"], found["seconds"]


class Gold:
    """The hand gold: name -> entity, and ambiguous names with their candidates."""

    def __init__(self, path: Path, clean) -> None:  # noqa: ANN001 - the name cleaner of this tree
        import yaml

        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        self.clean = clean
        self.entity_of: dict[str, str] = {}
        self.full_names: dict[str, list[str]] = defaultdict(list)
        for entry in data["entities"]:
            for name in entry["names"]:
                self.entity_of[clean(str(name))] = entry["name"]
                if " " in str(name):
                    self.full_names[entry["name"]].append(str(name))
        self.ambiguous = {clean(a["name"]): a for a in data.get("ambiguous", [])}
        self.entities = [entry["name"] for entry in data["entities"]]

    def of(self, name: str, text: str) -> str | None:
        """The gold entity of a mention named `name` in an article with this text, or None (not scored)."""
        name = self.clean(name)
        if name in self.entity_of:
            return self.entity_of[name]
        entry = self.ambiguous.get(name)
        if entry is None:
            return None
        named = [c for c in entry["candidates"] if any(_contains(text, full) for full in self.full_names[c])]
        if len(named) == 1:
            return named[0]
        return entry.get("otherwise")


def _contains(text: str, name: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text) is not None


def b_cubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B³ precision, recall, F1 of (predicted, gold) cluster labels, one pair per item."""
    by_predicted: dict[str, list[int]] = defaultdict(list)
    by_gold: dict[str, list[int]] = defaultdict(list)
    for index, (predicted, gold) in enumerate(items):
        by_predicted[predicted].append(index)
        by_gold[gold].append(index)
    if not items:
        return 0.0, 0.0, 0.0
    precision = recall = 0.0
    for predicted, gold in items:
        same = sum(1 for i in by_predicted[predicted] if items[i][1] == gold)
        precision += same / len(by_predicted[predicted])
        recall += same / len(by_gold[gold])
    p, r = precision / len(items), recall / len(items)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(assignment: Assignment, texts: dict[str, str], gold: Gold) -> tuple[tuple[float, float, float], int]:
    items = []
    for article_id, mentions in assignment.items():
        for name, entity in mentions:
            truth = gold.of(name, texts[article_id])
            if truth is not None:
                items.append((entity, truth))
    return b_cubed(items), len(items)


def fragment_pages(entities: list, min_articles: int) -> list[str]:  # noqa: ANN001 - Entity
    """Paged entities named by a bare surname of a paged person, or by the initials of another paged entity.

    A surname counts when the short entity is a person or the surname belongs to one paged
    person only; initials when they are an acronym spelling exactly one paged non-person.
    """
    from generator.link.names import initials, is_acronym, name_key, person_name

    paged = [e for e in entities if len(e.articles) >= min_articles]
    surnames: dict[str, list[str]] = defaultdict(list)
    spelled: dict[str, list[str]] = defaultdict(list)
    for e in paged:
        key = name_key(e.name)
        if e.type == "PERSON" and " " in key:
            name = person_name(key)
            surnames[key.split()[-1]].append(e.name)
            if name is not None and " " in name.surname:  # "de blasio" of Bill de Blasio
                surnames[name.surname].append(e.name)
        elif e.type != "PERSON" and " " in key:
            spelled[initials(key)].append(e.name)
    found = []
    for entity in paged:
        key = name_key(entity.name)
        note = " (listed as ambiguous)" if getattr(entity, "ambiguous_with", ()) else ""
        owners = [n for n in surnames.get(key.lower(), []) if n != entity.name]
        surname = " " not in key or (entity.type == "PERSON" and person_name(key) is None)  # "De Blasio"
        if surname and owners and (entity.type == "PERSON" or len(owners) == 1):
            found.append(f"{entity.name} [{entity.type}, {len(entity.articles)} articles] beside {owners}{note}")
        elif is_acronym(entity.name) and len(spelled.get(key, [])) == 1:
            found.append(f"{entity.name} [{len(entity.articles)} articles] beside {spelled[key][0]}{note}")
    return found


def main() -> None:
    args = arguments(__doc__.splitlines()[0], "../shared/data/allsides-2020-04", _options)
    if args.as_base:
        sys.path.insert(0, args.as_base)
        for name in [m for m in sys.modules if m == "generator" or m.startswith("generator.")]:
            del sys.modules[name]
    folder = data_or_exit(args.data, "")
    if args.as_base:  # the articles as this tree read them, so that both builds link the same texts
        from generator.model import Article

        given = json.loads((Path(args.cache) / "articles.json").read_text(encoding="utf-8"))
        articles = [Article(id=a["id"], slug=a["id"], path=a["path"], title=a["id"], text=a["text"]) for a in given]
        assignment, seconds, _ = link(articles, load_docs(articles, Path(args.cache)))
        print(json.dumps({"assignment": assignment, "seconds": seconds}))
        return
    from generator.config import Config
    from generator.ingest import read_corpus

    articles = read_corpus(folder, Config()).articles
    if args.limit:
        articles = articles[: args.limit]
    docs = load_docs(articles, Path(args.cache))
    listing = [{"id": a.id, "path": a.path, "text": a.text} for a in articles]
    (Path(args.cache) / "articles.json").write_text(json.dumps(listing), encoding="utf-8")
    from generator.link.names import clean_name

    gold = Gold(Path(args.gold), clean_name)
    texts = {a.id: a.text for a in articles}
    ours, seconds, entities = link(articles, docs)
    exact = {aid: [(name, clean_name(name)) for name, _ in ms] for aid, ms in ours.items()}
    rows = [["ours (link stage)", ours, f"{seconds:.2f}"], ["exact string", exact, ""]]
    base = base_assignment(args.base_commit, folder, Path(args.cache), args.limit) if args.base_commit else None
    if base is not None:
        rows.append([f"before issue 13 ({args.base_commit})", base[0], f"{base[1]:.2f}"])
    print(f"{folder}: {len(articles)} articles; gold: {len(gold.entities)} entities, {len(gold.entity_of)} names\n")
    lines = []
    for label, assignment, took in rows:
        (p, r, f), count = score(assignment, texts, gold)
        lines.append([label, str(count), f"{p:.3f}", f"{r:.3f}", f"{f:.3f}", took])
    print(table(lines, ["linking", "mentions scored", "B³ P", "B³ R", "B³ F1", "link_entities s"]))
    fragments = fragment_pages(entities, args.min_articles)
    print(f"\npaged entities named by a bare surname or abbreviation of another page's full name: {len(fragments)}")
    for line in fragments:
        print("  ", line)


if __name__ == "__main__":
    main()
