# `make site` and `make test` set up everything they need on a fresh machine.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
INPUT ?=
SITE_DIR ?=
SITE_URL ?=
REVISIONS ?=
BUILD_ARGS := $(if $(INPUT),--input $(INPUT)) $(if $(SITE_DIR),--site-dir $(SITE_DIR)) $(if $(SITE_URL),--site-url $(SITE_URL))

.PHONY: site test serve deploy clean lint typecheck install install-test same-site bench-entities bench-entity-gold bench-ingest bench bench-summary bench-keywords bench-topics bench-build bench-render bench-quotes bench-stories bench-site-size bench-link bench-search bench-mkdocs

# The virtualenv is rebuilt when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

# pip 23's resolver fails on newspaper4k's lxml extras; a current pip does not.
$(VENV)/.installed-bench: $(VENV)/.installed
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24'
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

site: $(VENV)/.installed
	$(PY) -m generator build $(BUILD_ARGS)

test: $(VENV)/.installed-test
	$(PY) -m pytest

# Style (ruff) and types (mypy, settings in pyproject.toml): CI fails on either (.ci/run).
lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check generator tests bench
	$(VENV)/bin/ruff format --check generator tests bench

typecheck: $(VENV)/.installed-test
	$(VENV)/bin/mypy

# Same input, two revisions (default: the merge base with main, and the working tree): byte-identical sites?
same-site: $(VENV)/.installed
	nice $(PY) bench/same_site.py $(REVISIONS)

# Publish to the gh-pages branch of the `origin` remote (mkdocs gh-deploy); set SITE_URL to the Pages address.
deploy: $(VENV)/.installed
	$(PY) -m generator deploy $(BUILD_ARGS)

serve: $(VENV)/.installed
	$(PY) -m generator serve $(if $(INPUT),--input $(INPUT))

# Entity mention detection and cross-document linking against MEANTIME's gold chains.
bench-entities: $(VENV)/.installed
	$(PY) bench/entities.py $(or $(DATA),../shared/data/meantime-en)

# Entity linking against the hand gold list of allsides-2020-04 (tests/data/), beside exact strings and commit 6ed6214.
bench-entity-gold: $(VENV)/.installed
	nice $(PY) bench/entity_gold.py $(or $(DATA),../shared/data/allsides-2020-04)

# Summaries, keywords and topics against human references (docs/BENCHMARKS.md); DATA= another data path.
# Reading data-set exports (no analysis); REPORT=site/report.json adds entity names and the judged summaries.
bench-ingest: $(VENV)/.installed
	$(PY) bench/ingest.py $(or $(DATA),../shared/data/allsides-2020-04) $(if $(REPORT),--report $(REPORT))

bench-summary: $(VENV)/.installed-bench
	nice $(PY) bench/summary.py $(or $(DATA),../shared/data/bbc-news-summary)

bench-keywords: $(VENV)/.installed-bench
	nice $(PY) bench/keywords.py $(or $(DATA),../shared/data/500n-kpcrowd-dev) --bbc ../shared/data/bbc-news-summary/articles

bench-topics: $(VENV)/.installed-bench
	nice $(PY) bench/topics.py $(or $(DATA),../shared/data/bbc-news-summary/articles)

# Stories against ECB+ (topic + event) and the hand-labelled allsides sample (ALLSIDES= a folder of its records).
bench-stories: $(VENV)/.installed-bench
	nice $(PY) bench/stories.py $(or $(DATA),../shared/data/ecbplus-dev) $(if $(ALLSIDES),--allsides $(ALLSIDES) --titles 100)

# Build speed: cold, unchanged, one changed and one added article, the spaCy floor, yake vs yake-rust (on a copy).
bench-build: $(VENV)/.installed-bench
	$(PY) bench/build.py $(or $(DATA),../shared/data/bbc-news-summary/articles)

# Weight of a built site (SITE=, default site/): bytes per article and per page kind, the largest pages.
bench-site-size: $(VENV)/.installed
	$(PY) bench/site_size.py $(or $(SITE),site)

# Render time and bytes per page at 1,000 and 10,000 articles, our theme and the stock MkDocs theme.
bench-render: $(VENV)/.installed-bench
	$(PY) bench/render.py $(or $(DATA),../shared/data/bbc-news-summary/articles) $(ARGS)

# Search from file:// in Chromium: first-index and shard sizes, time to first and complete results.
bench-search: $(VENV)/.installed-test
	nice $(PY) bench/search.py $(or $(DATA),../shared/data/allsides-2020-04) $(if $(SITE),--site $(SITE))

# Where MkDocs spends its time on a built project's pages (CONFIG: its mkdocs.yml).
bench-mkdocs: $(VENV)/.installed
	nice $(PY) bench/mkdocs_profile.py $(or $(CONFIG),mkdocs.yml)

# Quotes and speakers against PolNeAR's attributions, beside textacy (DOCS=file.spacy caches the parse).
bench-quotes: $(VENV)/.installed-bench
	nice $(PY) bench/quotes.py $(or $(DATA),../shared/data/polnear-dev) $(if $(DOCS),--docs $(DOCS))

# Link-stage seconds (wall and CPU) per part at 1,000, 5,000 and 13,334 articles (SOURCE=dir: another tree).
bench-link: $(VENV)/.installed-bench
	nice $(PY) bench/link.py $(or $(DATA),../shared/data/bbc-news-summary/articles) $(if $(SOURCE),--source $(SOURCE))

# Every benchmark, each on its default data.
bench:
	$(MAKE) bench-ingest DATA=
	$(MAKE) bench-entities DATA=
	$(MAKE) bench-entity-gold DATA=
	$(MAKE) bench-summary DATA=
	$(MAKE) bench-keywords DATA=
	$(MAKE) bench-topics DATA=
	$(MAKE) bench-quotes DATA=
	$(MAKE) bench-stories DATA=

clean:
	rm -rf site .build .cache .pytest_cache
