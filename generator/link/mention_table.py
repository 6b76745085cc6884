"""The corpus's mentions as linking sees them: each with its name key, the evidence of its type and its group.

A mention's effective label is the model's label, unless the text gives better evidence:
a person's title in or just before it ("President Trump", "Sen. McConnell", "Dr. Fauci")
makes it a person; a legal suffix ("Twitter Inc.") an organisation. Names the model missed
but the corpus knows (alias file, acronyms a text defines) are added by exact match.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.link.known_names import UNTYPED
from generator.link.merger import Merger
from generator.link.names import clean_name, has_legal_suffix, is_title, key_is_acronym, name_key, split_title
from generator.link.titles import Titles, is_first_name_title, title_gender, word_before
from generator.model import Article, Mention

OTHER = "OTHER"  # the type of an entity whose mentions' labels disagree (`Group.entity_type`)
CLEAR_VOTE = 0.6  # the winning label's share of the labelled mentions that makes a type clear
UNCLEAR_MIN_MENTIONS = 4  # fewer labelled mentions than this: the vote stands, however split
PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
_EDGE = ".,;:!?\"'()[]{}“”‘’"
_MEDIUM_WORDS = ("on", "via")  # "posted on Twitter", "via Coursera": a medium
_MEDIUM_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(_MEDIUM_WORDS) + r")\s+$")
MEDIUM_SHARE = 0.5  # a one-word "person" named this share of the time as a medium is not a person
# "oil giant Yukos", "the firm Enron", "carmaker Rover": a company noun right before the name
_COMPANY_NOUNS = (
    "firm", "company", "giant", "carmaker", "automaker", "retailer", "insurer", "airline", "carrier", "brewer",
    "conglomerate", "bank", "lender", "group", "chain", "supermarket", "manufacturer", "maker", "operator",
    "producer", "subsidiary",
)  # fmt: skip
_COMPANY_BEFORE = re.compile(r"(?<![\w-])(?:" + "|".join(_COMPANY_NOUNS) + r")\s+$", re.IGNORECASE)
COMPANY_SHARE = 0.1  # a one-word "person" this often after a company noun (and at least twice) is a company


@dataclass
class Entry:
    """One mention during linking (internal and mutable: the stage's output is built from it)."""

    article: str
    mention: Mention
    surface: str  # the name as written, cleaned (the alias shown)
    key: str  # name key the mention resolves to (a person's short name may be moved to a full name's key)
    label: str  # effective label: the model's, or PERSON / ORG by the evidence of titles and legal suffixes
    before: str = ""  # the capitalised word just before the mention ("Sen." in "Sen. McConnell")
    titled: bool = False
    gender: str = ""  # "m" or "f" when a gendered title says so ("Mr", "Mrs", "Baroness")
    shouted: bool = False  # a one-word name in capitals among words in capitals (a headline)
    medium: bool = False  # right after "on" or "via" ("on Twitter")
    company: bool = False  # right after a company noun ("oil giant Yukos")
    reason: str | None = None  # why this mention joined its entity, when decided per mention


@dataclass
class Group:
    """What linking knows of one group of keys: its forms, labels and articles."""

    forms: Counter[str] = field(default_factory=Counter)
    labels: Counter[str] = field(default_factory=Counter)
    articles: dict[str, None] = field(default_factory=dict)  # ordered set
    keys: Counter[str] = field(default_factory=Counter)  # name key -> mentions
    evidence: Counter[str] = field(default_factory=Counter)  # "title", "legal": mentions with a title, a legal suffix
    _kind: str | None = "?"  # the vote, once counted (a group is not changed after it is built)

    def kind(self) -> str | None:
        """The type by vote of the mentions' effective labels (None when no mention carries a label).

        A name with a legal suffix ("Twitter Inc.") settles it: an organisation, unless a title
        makes some of its mentions a person's; a "person" also named in the plural is a group.
        """
        if self._kind == "?":
            self._kind = self._vote()
        return self._kind

    def entity_type(self) -> str | None:
        """The type an entity page shows: the vote, or OTHER when the mentions' labels disagree with no
        clear winner (under CLEAR_VOTE of them) and no title or legal suffix settles it.

        spaCy calls "COVID-19" an organisation in half its mentions and a person in most of the
        rest: "Organisations" would state a wrong fact; "type unclear" states what is known.
        """
        kind = self.kind()
        if kind is None or self.evidence["title"] or self.evidence["legal"]:
            return kind
        labelled = sum(self.labels.values())
        if labelled >= UNCLEAR_MIN_MENTIONS and max(self.labels.values()) < CLEAR_VOTE * labelled:
            return OTHER
        return kind

    def _vote(self) -> str | None:
        if not self.labels:
            return None
        if self.evidence["legal"] and not self.evidence["title"]:
            return "ORG"
        kind = max(self.labels, key=lambda label: (self.labels[label], label == "PERSON", label))
        if kind == "PERSON" and all(" " not in key for key in self.keys):
            if any(k.endswith("s") and k[:-1] in self.keys for k in self.keys):
                return "NORP"  # a "person" that also occurs in the plural ("Uighurs") is a group of people
            if not self.evidence["title"] and self.evidence["medium"] >= MEDIUM_SHARE * sum(self.forms.values()):
                return self._vote_without("PERSON")
            described = self.evidence["company"]
            if not self.evidence["title"] and described >= max(2, COMPANY_SHARE * sum(self.forms.values())):
                return "ORG"  # spaCy calls "Yukos" a person in 98 of 106 mentions; "oil giant Yukos" says otherwise
        return kind

    def _vote_without(self, label: str) -> str:
        """The vote of the other labels, or OTHER: a name with no full name and no title that the text
        mostly names as a medium ("on Twitter", "via Coursera") is not a person, whatever the model said."""
        others = Counter({k: v for k, v in self.labels.items() if k != label})
        return max(others, key=lambda k: (others[k], k)) if others else OTHER


def _in_headline(text: str, start: int, end: int) -> bool:
    """Whether a word next to text[start:end] is a word of two or more letters in capitals ("DOES TRUMP
    HAVE"), not an initial ("J. R .R. Tolkien")."""
    before = text[max(0, start - 20) : start].split()
    after = text[end : end + 20].split()
    words = [w.strip(_EDGE) for w in before[-1:] + after[:1]]
    return any(len(w) > 1 and w.isalpha() and w.isupper() for w in words)


def entry_of(article: Article, mention: Mention) -> Entry | None:
    """The linking view of one mention, before titles are read: its name key and the model's label."""
    surface = clean_name(mention.text)
    key = name_key(surface)
    if mention.label == "PERSON" and key.isupper() and len(key) >= 5:
        key = key.lower()  # "TRUMP" in a headline is a name in capitals, not an acronym
    if not key or not any(ch.isalpha() for ch in key):
        return None
    if mention.label == "PERSON" and " " not in surface and is_title(surface):
        return None  # a title alone ("Gov" of a tokenised "Gov . Andrew Cuomo") names no one
    shouted = key_is_acronym(key) and surface.isalpha() and _in_headline(article.text, mention.start, mention.end)
    before, medium, company = _context(article.text, mention.start)
    return Entry(
        article.id, mention, surface, key, mention.label, before=before, shouted=shouted, medium=medium, company=company
    )


def _context(text: str, start: int) -> tuple[str, bool, bool]:
    """The title word before a mention at `start` (`word_before`), and whether it follows "on"/"via" (a medium)
    or a company noun. Each pattern needs white space right before the mention and its word before that,
    so the patterns run only where the text's last word before the mention can be theirs."""
    if 0 < start <= len(text) and not text[start - 1].isspace():
        return "", False, False
    tail = text[max(0, start - 16) : start]
    last = tail.rstrip().lower()
    exotic = not tail.isascii()  # letters that match the patterns' ASCII ones when case is ignored ("K", "ſ")
    medium = (exotic or last.endswith(_MEDIUM_WORDS)) and _MEDIUM_BEFORE.search(text, max(0, start - 5), start)
    company = (exotic or last.endswith(_COMPANY_NOUNS)) and _COMPANY_BEFORE.search(text, max(0, start - 16), start)
    return word_before(text, start), bool(medium), bool(company)


def read_capitals(entries: list[Entry]) -> None:
    """A one-word name in capitals among words in capitals ("DOES TRUMP HAVE THE POWER") is the name
    the corpus's other text writes with those letters most often: "trump" when "Trump" outnumbers an
    acronym "TRUMP", "WHO" when the acronym does. The model's label of a word in a shouted line is no
    evidence (it typed "TRUMP" ORG), so a name read so casts no type vote.
    """
    written: Counter[str] = Counter(entry.key for entry in entries if not entry.shouted)
    for entry in entries:
        if entry.shouted and written[entry.key.lower()] > written[entry.key]:
            entry.key, entry.label = entry.key.lower(), UNTYPED
            entry.reason = "the name written in capitals"


def learn_titles(entries: list[Entry]) -> Titles:
    samples = []
    for entry in entries:
        lead, core = split_title(entry.surface)
        for word in [*lead.split(), entry.before]:
            if word and is_title(word):
                samples.append((word, entry.label, core))
    return Titles(samples)


def read_titles(entries: list[Entry]) -> None:
    """Titles make mentions people's, and a name with a title leading it is keyed by the rest.

    "President Trump" is Trump with a title even when the model typed it ORG, as long as
    "Trump" is a person's name elsewhere in the corpus; "General Motors" stays a company.
    A legal suffix makes a mention an organisation's ("Twitter Inc."), whatever the model said.
    """
    titles = learn_titles(entries)
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for entry in entries:
        votes[entry.key][entry.label] += 1
    person_words = {
        w for key, v in votes.items() if " " in key and v.most_common(1)[0][0] == "PERSON" for w in key.split()
    }
    for entry in entries:
        title, core = titles.split(entry.surface)
        core_key = name_key(core) if title else ""
        if core_key:
            elsewhere = votes.get(core_key)
            person_elsewhere = elsewhere is not None and elsewhere.most_common(1)[0][0] == "PERSON"
            personal = person_elsewhere or (entry.label in ("PERSON", UNTYPED) and not elsewhere)
            known = " " in core_key or core_key in votes or core_key in person_words or titles.strong(title)
            part_of_name = is_first_name_title(title.split()[-1]) and " " not in core_key  # "Prince Charles"
            if personal and known:
                entry.titled = True
                entry.gender = title_gender(title)
                if not part_of_name:
                    entry.key = core_key
        if entry.before and titles.is_title(entry.before):
            entry.titled = True
            entry.gender = entry.gender or title_gender(entry.before)
        if entry.titled:
            entry.label = "PERSON"
        elif has_legal_suffix(entry.key):
            entry.label = "ORG"


class MentionTable:
    """Every entry of every article, in corpus order, with the groups their keys form.

    Groups are built from per-key tallies (a few thousand keys rather than every mention).
    After `moved()` (entries changed their keys or labels: the only fields of an entry the
    rules change once the table is read) only the tallies of the keys entries left or joined
    are counted again; the rest are kept. `moved(entries)` names the entries a rule changed,
    so that only they are looked at, not every entry of the corpus.
    """

    def __init__(self, articles: list[Article]) -> None:
        self.by_article: dict[str, list[Entry]] = {a.id: [] for a in articles}
        self.texts: dict[str, str] = {a.id: a.text for a in articles}  # for names the model did not span
        self._tallies: dict[str, Group] | None = None
        self._stale = False
        self._changed: list[Entry] | None = None  # the entries `moved` named since the last count; None: any
        self._flat: list[tuple[str, Entry]] = []  # (article id, entry) in corpus order, as last counted
        self._counted: list[tuple[str, str]] = []  # each entry's (key, label) when last counted
        self._position: dict[int, int] = {}  # id() of each entry -> its position in `_flat`
        self._members: dict[str, list[int]] = {}  # key -> positions in `_flat` of its entries, in order
        self._joined: dict[str, tuple[list[str], Group]] = {}  # root -> its keys and their group, as last built
        self._roots_of: Merger | None = None  # the merger `_root` holds roots of
        self._root: dict[str, str] = {}  # key -> its root when last found

    def entries(self) -> list[Entry]:
        return [entry for entries in self.by_article.values() for entry in entries]

    def keys(self) -> list[str]:
        """Every name key the entries have now, in the order they first occur."""
        return list(self._key_tallies())

    def moved(self, entries: list[Entry] | None = None) -> None:
        """Entries changed key or label: `entries`, or any when not given."""
        if entries is None or (self._stale and self._changed is None):
            self._changed = None  # any entry: every one is looked at
        elif self._stale and self._changed is not None:
            self._changed.extend(entries)
        else:
            self._changed = list(entries)
        self._stale = True

    def _key_tallies(self) -> dict[str, Group]:
        if self._tallies is not None and self._stale and len(self._flat) == sum(map(len, self.by_article.values())):
            self._recount()
        elif self._tallies is None or self._stale:
            self._flat = [(article_id, entry) for article_id, entries in self.by_article.items() for entry in entries]
            self._counted = [(entry.key, entry.label) for _, entry in self._flat]
            self._position = {id(entry): position for position, (_, entry) in enumerate(self._flat)}
            members: dict[str, list[int]] = defaultdict(list)
            for position, (key, _) in enumerate(self._counted):
                members[key].append(position)
            self._members = dict(members)
            self._tallies = {key: self._tally(key, positions) for key, positions in self._members.items()}
            self._joined = {}
        self._stale = False
        self._changed = None
        return self._tallies

    def _recount(self) -> None:
        """The tallies of the keys whose entries changed, counted again; keys kept in the order they first occur."""
        assert self._tallies is not None
        left: dict[str, set[int]] = defaultdict(set)
        joined: dict[str, list[int]] = defaultdict(list)
        if self._changed is None:
            positions: list[int] | range = range(len(self._flat))
        else:
            positions = sorted({self._position[id(entry)] for entry in self._changed})
        for position in positions:
            entry = self._flat[position][1]
            key, label = self._counted[position]
            if entry.key != key or entry.label != label:
                left[key].add(position)
                joined[entry.key].append(position)
                self._counted[position] = (entry.key, entry.label)
        touched = left.keys() | joined.keys()
        if not touched:
            return
        for key in touched:
            kept = [p for p in self._members.get(key, ()) if p not in left.get(key, ())]
            positions = sorted(kept + joined.get(key, []))
            if positions:
                self._members[key] = positions
            else:
                self._members.pop(key, None)
        first = {key: positions[0] for key, positions in self._members.items()}
        tallies = self._tallies
        self._tallies = {
            key: tallies[key] if key not in touched else self._tally(key, self._members[key])
            for key in sorted(first, key=first.__getitem__)
        }
        self._joined = {root: built for root, built in self._joined.items() if touched.isdisjoint(built[0])}

    def _tally(self, key: str, positions: list[int]) -> Group:
        """The group of one key, from its entries."""
        tally = Group()
        for position in positions:
            article_id, entry = self._flat[position]
            tally.forms[entry.surface] += 1
            tally.evidence["title"] += entry.titled
            tally.evidence["legal"] += entry.label == "ORG" and has_legal_suffix(entry.key)
            tally.evidence["medium"] += entry.medium
            tally.evidence["company"] += entry.company
            if entry.label != UNTYPED:
                tally.labels[entry.label] += 1
            tally.articles[article_id] = None
        tally.keys[key] = len(positions)
        return tally

    def articles_of(self, key: str) -> set[str]:
        """The articles with a mention of this key."""
        tally = self._key_tallies().get(key)
        return set(tally.articles) if tally is not None else set()

    def mentions_of(self, key: str) -> int:
        tally = self._key_tallies().get(key)
        return sum(tally.forms.values()) if tally is not None else 0

    def form_of(self, key: str) -> str:
        """The key's most used form as written."""
        tally = self._key_tallies().get(key)
        return max(tally.forms, key=lambda f: (tally.forms[f], f)) if tally is not None else key

    def groups(self, merger: Merger) -> dict[str, Group]:
        order = {article_id: i for i, article_id in enumerate(self.by_article)}
        key_tallies = self._key_tallies()
        members: dict[str, list[str]] = defaultdict(list)
        if merger is not self._roots_of:
            self._roots_of, self._root = merger, {}
        root_of, parent = self._root, merger.parent
        for key in key_tallies:
            root = root_of.get(key)
            if root is None or parent[root] != root:  # a root still a root is still the key's root
                root = root_of[key] = merger.find(key)
            members[root].append(key)
        groups: dict[str, Group] = {}
        for root, keys in members.items():
            if len(keys) == 1:
                groups[root] = key_tallies[keys[0]]
                continue
            built = self._joined.get(root)
            if built is not None and built[0] == keys:  # the same keys as last time: the same group (speed only)
                groups[root] = built[1]
                continue
            tallies = [key_tallies[key] for key in keys]
            group = Group()
            articles: set[str] = set()
            for tally in tallies:
                group.forms.update(tally.forms)
                group.labels.update(tally.labels)
                group.keys.update(tally.keys)
                group.evidence.update(tally.evidence)
                articles.update(tally.articles)
            group.articles = dict.fromkeys(sorted(articles, key=order.__getitem__))
            groups[root] = group
            self._joined[root] = (keys, group)
        return groups

    def pairs_in_one_article(self) -> dict[tuple[str, str], set[str]]:
        """(short key, long key) where the long key starts with the short one's one or two words, and the
        articles that name both."""
        pairs: dict[tuple[str, str], set[str]] = defaultdict(set)
        for article_id, entries in self.by_article.items():
            keys = {entry.key for entry in entries}
            for key in keys:
                words = key.split()
                for size in (1, 2):
                    prefix = " ".join(words[:size])
                    if size < len(words) and prefix in keys:
                        pairs[(prefix, key)].add(article_id)
        return dict(pairs)
