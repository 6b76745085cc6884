"""An outlet's own boilerplate: the words it prints under most of its articles, whatever they are about.

Reuters names itself in most of its copy ("(Reuters) -", "a Reuters tally"), Vox closes
each piece with the same appeal for "explanatory journalism", Townhall with its "VIP"
promotion code, the Daily Caller with its licensing note. Such a term is used by few
articles of the whole corpus, so it looks like rare evidence of one event; but two
articles of one outlet that share only it tell two stories (docs/BENCHMARKS.md, "Seventh
pass": Reuters round-ups of different days joined by their boilerplate). A term is an
outlet's template when at least TEMPLATE_SHARE of the outlet's articles, and at least
TEMPLATE_ARTICLES of them, use it; it is then no evidence in that outlet's articles (other
outlets' use of it stays, and the term is as rare or as common as the whole corpus's use makes
it: `similarity.rare_term_vectors` counts that before the removal, so a wire's name cited by a
few other outlets does not turn rare). A story term is rarely in half of an outlet's articles
and in seven of them; a corpus from one outlet has no such term among its rare ones (a term in
half its articles is common), so there nothing changes. Outlets are grouped as the site groups
them (case-insensitive), and Unattributed articles are no outlet.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

from generator.model import UNATTRIBUTED, Article

TEMPLATE_SHARE = 0.45  # of an outlet's articles that use a term, for it to be the outlet's template
TEMPLATE_ARTICLES = 7  # and at least this many of them


def outlet_keys(articles: Sequence[Article]) -> list[str | None]:
    """Each article's outlet as the site groups them (`Article.source_key`: "Reuters" and "reuters" are one),
    None for an Unattributed article: articles of no known outlet share no template."""
    unattributed = UNATTRIBUTED.casefold()
    return [None if a.source_key == unattributed else a.source_key for a in articles]


def template_free(
    counts: sparse.csr_matrix,
    sources: Sequence[str | None],
    share: float = TEMPLATE_SHARE,
    least: int = TEMPLATE_ARTICLES,
) -> sparse.csr_matrix:
    """The term counts (a CSR matrix, articles × terms) with each outlet's template terms removed from its rows.

    `sources`: each row's outlet (`outlet_keys`; None or "" for an article with none: never a template).
    One pass per outlet over its rows; the matrix given is not changed.
    """
    matrix = sparse.csr_matrix(counts, copy=True)
    by_outlet: dict[str, list[int]] = {}
    for row, source in enumerate(sources):
        if source:
            by_outlet.setdefault(source, []).append(row)
    for rows in by_outlet.values():
        if len(rows) < least:
            continue
        used = np.bincount(matrix[rows].indices, minlength=matrix.shape[1])
        template = used >= max(least, share * len(rows))
        if not template.any():
            continue
        for row in rows:
            start, stop = matrix.indptr[row], matrix.indptr[row + 1]
            matrix.data[start:stop] = np.where(template[matrix.indices[start:stop]], 0, matrix.data[start:stop])
    matrix.eliminate_zeros()
    return matrix
