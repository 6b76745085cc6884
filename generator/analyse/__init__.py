"""Analyse: per article, one spaCy pass feeding small separate analysers; cached and parallel."""

from __future__ import annotations

import os
import socket
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc

from generator.analyse.cache import AnalysisCache
from generator.analyse.keywords import extract_keywords
from generator.analyse.mentions import extract_mentions, find_acronyms
from generator.analyse.nlp import load_model, model_signature
from generator.analyse.quotes import extract_quotes
from generator.analyse.summary import sentence_features, summarise
from generator.cache_keys import analysis_key
from generator.config import Config
from generator.model import Article, ArticleAnalysis
from generator.progress import QUIET, Reporter

_CHUNK = 16


def analyse_doc(doc: Doc, config: Config, english: bool = True) -> ArticleAnalysis:
    """Everything we learn from one parsed article. Pure: depends on the text and config only.

    Our analysers are English ones. Text in another language (`english=False`) gets its sentences
    only, and its lower-cased words in place of lemmas (for similarity): no summary, keywords,
    entities or quotes that an English model would make up.
    """
    sentences, features = sentence_features(doc)
    if not english:
        words = tuple(t.lower_ for t in doc if t.is_alpha and len(t.text) > 2)
        return ArticleAnalysis(tuple(sentences), (), (), (), (), (), words)
    starts = [s.start for s in sentences]
    quotes, phrases = extract_quotes(doc, starts)
    return ArticleAnalysis(
        sentences=tuple(sentences),
        summary=summarise(features, config.summary_sentences),
        keywords=extract_keywords(doc, config.keywords, config.keyword_max_words, config.yake_engine),
        mentions=extract_mentions(doc, set(config.entity_types), starts),
        quotes=quotes,
        acronyms=find_acronyms(doc.text),
        lemmas=tuple(lemma for f in features for lemma in f.lemmas),
        phrases=phrases,
    )


EMPTY_ANALYSIS = ArticleAnalysis((), (), (), (), (), (), ())


def _analyse_texts(texts: list[str], config: Config, english: list[bool] | None = None) -> list[ArticleAnalysis | str]:
    """The analysis of each text; a text whose analysis raises gets the error's description instead.

    The batch goes through `nlp.pipe` at once; if anything in it fails, each text is analysed alone,
    so one text that trips spaCy or an analyser costs its own analysis only.
    """
    nlp = load_model(config.spacy_model)
    flags = english if english is not None else [True] * len(texts)
    try:
        docs = nlp.pipe(texts, batch_size=32)
        return [analyse_doc(doc, config, flag) for doc, flag in zip(docs, flags, strict=True)]
    except Exception:  # noqa: BLE001 - find the text at fault below
        pass
    outcomes: list[ArticleAnalysis | str] = []
    for text, flag in zip(texts, flags, strict=True):
        try:
            outcomes.append(analyse_doc(nlp(text), config, flag))
        except Exception as exc:  # noqa: BLE001 - one article never stops the build
            outcomes.append(f"{type(exc).__name__}: {exc}")
    return outcomes


def _worker_init(model: str) -> None:
    load_model(model)


def _worker_run(texts: list[str], config: Config, english: list[bool] | None = None) -> list[ArticleAnalysis | str]:
    return _analyse_texts(texts, config, english)


@dataclass
class AnalysisStats:
    analysed: int = 0
    from_cache: int = 0
    workers: int = 1
    failed: list[tuple[str, str]] = field(default_factory=list)  # (article path, error): analysis left empty


def _chunks(items: list[Article], size: int) -> Iterator[list[Article]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def worker_count(config: Config, jobs: int) -> int:
    cores = config.workers or os.cpu_count() or 1
    return max(1, min(cores, (jobs + _CHUNK - 1) // _CHUNK))


def _cache_key(article: Article, config: Config, model: str) -> str:
    """The key of an article's analysis (`cache_keys.analysis_key`)."""
    options = config.analysis_key()
    if not article.analysed_as_english:
        options = {**options, "language": article.language}  # sentences only: a different analysis
    return analysis_key(_analysed_part(article, config), options, model)


def analyse_articles(
    articles: list[Article],
    config: Config,
    cache_dir: Path | None,
    progress: Reporter | None = None,
    scheduler: str | None = None,
) -> tuple[dict[str, ArticleAnalysis], AnalysisStats]:
    """Analysis of every article: from the cache when its text and config are unchanged.

    Cache misses are analysed in batches: in this process, over a process pool (one per core),
    or, given a Dask scheduler address (`scheduler`, else `config.scheduler`), on that cluster's
    workers. Only the first `config.max_article_chars` characters of a text are analysed (ingest
    cuts longer articles already; this guards other callers, since spaCy's memory grows with the text).
    """
    stats = AnalysisStats()
    cache = AnalysisCache(cache_dir) if cache_dir else None
    model = model_signature(config.spacy_model)
    results: dict[str, ArticleAnalysis] = {}
    keys: dict[str, str] = {}
    todo: list[Article] = []
    for article in articles:
        key = keys[article.id] = _cache_key(article, config, model)
        cached = cache.get(key, article.text) if cache else None
        if cached is not None:
            results[article.id] = cached
            stats.from_cache += 1
        else:
            todo.append(article)
    if not todo:
        return results, stats
    batches = list(_chunks(todo, _CHUNK))
    address = scheduler or config.scheduler
    with (progress or QUIET)("analyse", len(todo)) as bar:
        if address:
            _collect(batches, _on_cluster(address, batches, config, stats), results, keys, cache, stats, bar)
            return results, stats
        stats.workers = worker_count(config, len(todo))
        outputs: Iterator[list[ArticleAnalysis | str]]
        if stats.workers == 1:
            outputs = (
                _analyse_texts(
                    [_analysed_part(a, config) for a in batch], config, [a.analysed_as_english for a in batch]
                )
                for batch in batches
            )
            _collect(batches, outputs, results, keys, cache, stats, bar)
        else:
            with ProcessPoolExecutor(
                max_workers=stats.workers, initializer=_worker_init, initargs=(config.spacy_model,)
            ) as pool:
                outputs = pool.map(
                    _worker_run,
                    ([_analysed_part(a, config) for a in batch] for batch in batches),
                    [config] * len(batches),
                    ([a.analysed_as_english for a in batch] for batch in batches),
                )
                _collect(batches, outputs, results, keys, cache, stats, bar)
    return results, stats


class SchedulerError(ValueError):
    """The Dask scheduler cannot be used; the message says why and what to do."""


def _reachable(address: str) -> None:
    """Fail at once when nothing listens at a tcp address (Dask's client would retry until its timeout)."""
    scheme, _, rest = address.rpartition("://")
    host, _, port = rest.rpartition(":")
    if scheme in ("", "tcp", "tls") and port.isdigit():
        socket.create_connection((host.strip("[]") or "127.0.0.1", int(port)), timeout=10).close()


def _on_cluster(
    address: str, batches: list[list[Article]], config: Config, stats: AnalysisStats
) -> Iterator[list[ArticleAnalysis | str]]:
    """Each batch analysed on a Dask cluster's workers, results in batch order.

    Only the texts travel; every worker loads the spaCy model once (per process) and needs this
    package and the model installed (README.md, "Speed and big corpora"). The corpus-wide stages
    stay on this machine.
    """
    try:
        from distributed import Client
    except ImportError as exc:
        raise SchedulerError(
            f"analysis on the Dask scheduler {address} needs the distributed package: "
            "pip install 'news-report-generator[cluster]' (or dask[distributed])"
        ) from exc
    try:
        _reachable(address)
        client = Client(address, timeout="30s")
    except (OSError, TimeoutError) as exc:
        raise SchedulerError(f"cannot reach the Dask scheduler at {address}: {exc}") from exc
    with client:
        workers = client.scheduler_info().get("workers", {})
        stats.workers = max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))
        futures = client.map(
            _worker_run,
            [[_analysed_part(a, config) for a in batch] for batch in batches],
            [config] * len(batches),
            [[a.analysed_as_english for a in batch] for batch in batches],
            pure=False,
        )
        for future in futures:
            yield future.result()


def _analysed_part(article: Article, config: Config) -> str:
    return article.text[: config.max_article_chars]


def _collect(batches, outputs, results, keys, cache, stats, bar) -> None:  # noqa: ANN001 - internal plumbing
    for batch, analyses in zip(batches, outputs, strict=True):
        bar.update(len(batch))
        for article, analysis in zip(batch, analyses, strict=True):
            if isinstance(analysis, str):  # failed: shown with its text only, analysed again next build
                results[article.id] = EMPTY_ANALYSIS
                stats.failed.append((article.path, analysis))
                continue
            results[article.id] = analysis
            stats.analysed += 1
            if cache is not None:
                cache.put(keys[article.id], analysis)
