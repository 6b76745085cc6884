"""MkDocs hook loaded by `python -m generator serve` (see mkdocs_adapter.serve_site).

Before each rebuild, re-run the generator when a file in the input folder or a page
template changed, so that editing or adding an article in seeds/ shows in the preview.
"""

from __future__ import annotations

from typing import Any

from generator.mkdocs_adapter import regenerate_if_changed


def on_pre_build(config: Any, **kwargs: Any) -> None:
    regenerate_if_changed()
