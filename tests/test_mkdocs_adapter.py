"""The MkDocs stage: pages converted over forked processes give the site one process gives, warnings included."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import project_config

from generator import mkdocs_adapter
from generator.mkdocs_adapter import build_site


def _docs(folder: Path) -> None:
    (folder / "notes").mkdir(parents=True)
    (folder / "index.md").write_text("# Home\n\n[first](notes/n0.md) and [gone](notes/missing.md)\n", encoding="utf-8")
    for n in range(30):
        body = f"# Note {n}\n\nSee [the next](n{(n + 1) % 30}.md#top) and [home](../index.md).\n\n"
        body += "| a | b |\n|---|---|\n| 1 | 2 |\n\nTerm\n:   its definition\n\n## Part two\n"
        (folder / "notes" / f"n{n}.md").write_text(body, encoding="utf-8")


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_parallel_markdown_gives_the_serial_site_and_warnings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = project_config(tmp_path)
    docs = tmp_path / ".build" / "docs"
    _docs(docs)
    serial = build_site(config, docs, tmp_path / "serial", incremental=False, workers=1)
    monkeypatch.setattr(mkdocs_adapter, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(mkdocs_adapter, "_CHUNK", 4)  # several chunks over two workers
    parallel = build_site(config, docs, tmp_path / "parallel", incremental=False, workers=2)
    assert any("notes/missing.md" in w for w in serial)  # the broken link is a warning either way
    assert parallel == serial
    assert _files(tmp_path / "parallel") == _files(tmp_path / "serial")
    note = (tmp_path / "parallel" / "notes" / "n3.html").read_text(encoding="utf-8")
    assert "<title>Note 3 — " in note and 'href="n4.html#top"' in note and 'id="part-two"' in note


def test_a_parallel_dirty_build_gives_the_clean_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = project_config(tmp_path)
    docs = tmp_path / ".build" / "docs"
    _docs(docs)
    monkeypatch.setattr(mkdocs_adapter, "_MIN_PARALLEL", 0)
    monkeypatch.setattr(mkdocs_adapter, "_CHUNK", 4)
    build_site(config, docs, tmp_path / "site", workers=2)
    page = docs / "notes" / "n7.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new line.\n", encoding="utf-8")
    outcome: dict[str, object] = {}
    build_site(config, docs, tmp_path / "site", workers=2, outcome=outcome)
    assert outcome["dirty"] is True
    build_site(config, docs, tmp_path / "clean", incremental=False, workers=2)
    assert _files(tmp_path / "site") == _files(tmp_path / "clean")
    assert "A new line." in (tmp_path / "site" / "notes" / "n7.html").read_text(encoding="utf-8")


def test_compact_html_drops_indentation_and_blank_lines_but_keeps_pre_textarea_and_script() -> None:
    kept = "<pre>x\n    y\n\n</pre>\n<textarea>\n  t</textarea><script>\n  s()</script>"
    page = "<ul>\n  <li>a</li>\n\n\t <li>b  c</li>\n</ul>\n  " + kept.replace("</pre>\n", "</pre>\n ")
    assert mkdocs_adapter.compact_html(page) == "<ul><li>a</li><li>b  c</li></ul>\n" + kept


def test_compact_html_drops_line_breaks_before_block_tags_only() -> None:
    """Before `<td>`, `</tr>`, `<p>`: no white space a browser lays out; before `<a>` or after text: a space."""
    page = (
        "<table>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</table>\n<p>one\n<a href=x>two</a>\nthree</p>\n<dl>\n<dt>a</dt>"
    )
    assert mkdocs_adapter.compact_html(page) == (
        "<table><tr><td>1</td><td>2</td></tr></table><p>one\n<a href=x>two</a>\nthree</p><dl><dt>a</dt>"
    )


def test_the_built_pages_are_compacted(tmp_path: Path) -> None:
    config = project_config(tmp_path)
    docs = tmp_path / ".build" / "docs"
    _docs(docs)
    build_site(config, docs, tmp_path / "site", incremental=False)
    page = (tmp_path / "site" / "notes" / "n3.html").read_text(encoding="utf-8")
    assert "<td>1</td>" in page
    assert "\n " not in page and "\n\n" not in page


def test_a_mkdocs_yml_without_the_static_template_still_gets_the_nav_in_report_js(tmp_path: Path) -> None:
    """report.js holds the section links, from MkDocs' nav: a project's mkdocs.yml that predates it
    (static_templates: [404.html] only) still has it rendered, never copied with its template tags."""
    import yaml

    config = project_config(tmp_path)
    data = yaml.safe_load(config.read_text(encoding="utf-8"))
    data["theme"]["static_templates"] = ["404.html"]
    config.write_text(yaml.safe_dump(data), encoding="utf-8")
    docs = tmp_path / ".build" / "docs"
    _docs(docs)
    build_site(config, docs, tmp_path / "site", incremental=False, workers=1)
    script = (tmp_path / "site" / "assets" / "js" / "report.js").read_text(encoding="utf-8")
    assert "{%" not in script and "{{" not in script
    assert 'var sections = [["Home", "index.html"]' in script
