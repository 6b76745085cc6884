"""The metadata sidecar (`metadata.yml`): per-article overrides, the field mapping, and outlet names.

```yaml
a.txt: {source: Global Times, date: 2017-03-01}   # one file (or `feed.jsonl#7`: one record)
fields: {text: content_original, author: authors}  # which record field plays which role, for all records
outlets:
  trtworld.com: TRT World                          # a domain: articles from it that name no outlet
  New York Times - News: New York Times            # a name: articles that give it are this outlet
```

A mistake stops the build with the file and entry (`load_sidecar` raises ValueError).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import yaml

from generator.config import Config
from generator.ingest.dates import parse_date_value, why_not_a_date
from generator.ingest.fields import FieldMap, parse_field_map
from generator.ingest.language import normalise_code
from generator.ingest.names import canonical_name, name_key, without_surrogates
from generator.ingest.outlets import domain_of
from generator.ingest.readers import METADATA_FIELDS, ReadResult


@dataclass
class Sidecar:
    """`metadata.yml`: per-article overrides, the field mapping, and names for outlets."""

    entries: dict[str, dict[str, Any]] = field(default_factory=dict)  # "a.txt", "feed.jsonl#3", "feed.jsonl"
    outlets: dict[str, str] = field(default_factory=dict)  # registrable domain -> outlet name
    outlet_names: dict[str, str] = field(default_factory=dict)  # `name_key` of a name the files give -> outlet name
    fields: FieldMap = field(default_factory=FieldMap)
    file_name: str = "metadata.yml"

    def overrides(self, rel: str, part: str | None) -> list[tuple[str, dict[str, Any]]]:
        """Entries that apply to one article, least specific first: file name, file path, then its record."""
        name = PurePosixPath(rel).name
        keys = [name, rel] if part is None else [name, rel, f"{name}#{part}", f"{rel}#{part}"]
        seen: list[tuple[str, dict[str, Any]]] = []
        for key in dict.fromkeys(keys):
            if key in self.entries:
                seen.append((key, self.entries[key]))
        return seen


def _read_outlets(path: Path, outlets: Any, sidecar: Sidecar) -> None:
    """`outlets:` keys are web domains or outlet names as the files give them; values are the names to use."""
    if not isinstance(outlets, dict):
        raise ValueError(
            f"{path}: 'outlets' must map web domains or outlet names to outlet names, e.g. 'trtworld.com: TRT World'"
        )
    for key, name in outlets.items():
        given = canonical_name(str(key)) if key is not None else ""
        if not given or not isinstance(name, str) or not canonical_name(name):
            raise ValueError(
                f"{path}: outlets entry {key!r}: {name!r} must map a web domain or an outlet's name to a name, "
                "e.g. 'trtworld.com: TRT World' or 'New York Times - News: New York Times'"
            )
        domain = domain_of(given) if "." in given and " " not in given else None
        if domain is not None:
            sidecar.outlets[domain] = canonical_name(name)
        sidecar.outlet_names[name_key(given)] = canonical_name(name)


def load_sidecar(path: Path) -> Sidecar:
    """Read and check `metadata.yml`; a mistake stops the build with the file and entry."""
    sidecar = Sidecar(file_name=path.name)
    if not path.exists():
        return sidecar
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as exc:
        raise ValueError(f"{path}: not valid YAML ({exc}); fix it or remove it") from exc
    if not isinstance(data, dict):
        raise ValueError(f"{path}: must map file names to metadata, e.g. 'a.txt: {{source: BBC}}'")
    data, _ = without_surrogates(data)  # "\ud800" escapes: nothing can write them out
    _read_outlets(path, data.pop("outlets", None) or {}, sidecar)
    sidecar.fields = parse_field_map(data.pop("fields", None), str(path))
    for name, fields in data.items():
        if not isinstance(fields, dict):
            raise ValueError(f"{path}: entry {name!r} must be a mapping of field: value")
        unknown = set(fields) - set(METADATA_FIELDS)
        if unknown:
            raise ValueError(
                f"{path}: entry {name!r} has unknown field(s) {sorted(unknown)}; use {list(METADATA_FIELDS)}"
            )
        sidecar.entries[str(name)] = fields
    return sidecar


def apply_sidecar(
    read: ReadResult, entries: list[tuple[str, dict[str, Any]]], sidecar: Sidecar, address: str, config: Config
) -> list[str]:
    """Sidecar values are given metadata; returns warnings for values that cannot be used."""
    warnings: list[str] = []
    for key, fields in entries:
        where = f"{sidecar.file_name} entry {key!r}"
        for name, value in fields.items():
            if name == "date":
                parsed = parse_date_value(value, config.date_day_first)
                if parsed is None:
                    why = why_not_a_date(value, config.date_day_first)
                    warnings.append(f"{sidecar.file_name}: {address}: date {value!r} {why}; ignored")
                    continue
                read.set_date(parsed, "given", where)
            elif name == "language":
                code = normalise_code(value)
                if code is None:
                    warnings.append(
                        f"{sidecar.file_name}: {address}: language {value!r} is not a language code (e.g. de); ignored"
                    )
                    continue
                read.set("language", code, "given", where)
            else:
                read.set(name, canonical_name(str(value)) if name != "url" else str(value).strip(), "given", where)
    return warnings


def name_outlets(pending: list[tuple[str, ReadResult]], sidecar: Sidecar) -> None:
    """Outlets of articles that do not name one, from the domain of their URL (or the domain they state).

    The name is the one the sidecar's `outlets:` gives the domain, else the name that other articles
    from the same domain state (so they share one source page), else the domain itself. An article
    that names its outlet (in the file or the sidecar) keeps that name.
    """
    stated: dict[str, Counter[str]] = defaultdict(Counter)
    domains: dict[int, str] = {}
    for index, (_, read) in enumerate(pending):
        domain = domain_of(read.domain) or domain_of(read.meta.get("url"))
        if domain is None:
            continue
        domains[index] = domain
        if "source" in read.meta and read.provenance.get("source") == "given":
            stated[domain][read.meta["source"]] += 1
    for index, (_, read) in enumerate(pending):
        domain = domains.get(index)
        if domain is None or "source" in read.meta:
            continue
        from_url = read.domain is None
        origin = f"the domain of its URL, {domain}" if from_url else f"the domain it states, {domain}"
        if domain in sidecar.outlets:
            read.set("source", sidecar.outlets[domain], "inferred", f"{origin}, named in {sidecar.file_name}")
        elif stated[domain]:
            name = stated[domain].most_common(1)[0][0]
            read.set("source", name, "inferred", f"{origin}; the name other articles from it give")
        else:
            read.set("source", domain, "inferred", f"{origin}")


def join_outlet_names(pending: list[tuple[str, ReadResult]], sidecar: Sidecar) -> dict[str, Counter[str]]:
    """Rename the outlets the sidecar's `outlets:` names; returns, per outlet, the names it joined and their counts.

    The article keeps the name it had as `as_given` (shown on its outlet's page).
    """
    joined: dict[str, Counter[str]] = defaultdict(Counter)
    for _, read in pending:
        given = read.meta.get("source")
        if not given:
            continue
        name = sidecar.outlet_names.get(name_key(given))
        if name is None or name == given:
            continue
        detail = read.detail.get("source")
        was = f"{detail}, {given!r}" if detail else repr(given)
        read.set("source", name, read.provenance.get("source", "given"), f"{was}, named {name} in {sidecar.file_name}")
        read.source_as_given = given
        joined[name][given] += 1
    return joined
