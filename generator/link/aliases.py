"""The user's alias file: names that are one entity, names kept apart, display names and types.

Format (YAML, a list of entries)::

    - name: Islamic State          # display name of the entity these names form
      type: ORG                    # optional: PERSON, ORG, GPE, LOC, NORP, ...
      aliases: [IS, ISIS, ISIL, Daesh]   # optional: other names of the same entity
    - keep_apart: [Michael Clarke, Clarke]   # names the rules must never join
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.config import ENTITY_TYPES
from generator.link.names import clean_name, name_key


class AliasFileError(ValueError):
    """The alias file cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class AliasGroup:
    name: str
    aliases: tuple[str, ...]
    type: str | None
    line: int


@dataclass(frozen=True)
class KeepApart:
    names: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class AliasFile:
    groups: tuple[AliasGroup, ...] = ()
    keep_apart: tuple[KeepApart, ...] = ()


def _scalar(node: yaml.Node) -> str | None:
    """A scalar's text, cleaned like every name (NFC, no control or bidi characters, white space folded)."""
    if isinstance(node, yaml.ScalarNode) and clean_name(str(node.value)):
        return clean_name(str(node.value))
    return None


def _names(node: yaml.Node | None, path: Path, where: str, key: str, minimum: int) -> tuple[str, ...]:
    if not isinstance(node, yaml.SequenceNode) or len(node.value) < minimum:
        raise AliasFileError(f"{where}: '{key}' must be a list of at least {minimum} name(s), like [A, B]")
    names = []
    for item in node.value:
        text = _scalar(item)
        if text is None:
            raise AliasFileError(f"{path}:{item.start_mark.line + 1}: each name in '{key}' must be non-empty text")
        names.append(text)
    return tuple(names)


def load_aliases(path: Path) -> AliasFile:
    """Read and check the alias file; an absent file means no aliases."""
    if not path.exists():
        return AliasFile()
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise AliasFileError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if root is None:
        return AliasFile()
    if not isinstance(root, yaml.SequenceNode):
        raise AliasFileError(
            f"{path}:{root.start_mark.line + 1}: expected a list of entries like '- name: X' with 'aliases: [Y, Z]'"
        )
    groups: list[AliasGroup] = []
    apart: list[KeepApart] = []
    for item in root.value:
        line = item.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(item, yaml.MappingNode):
            raise AliasFileError(
                f"{where}: each entry must be a mapping with 'name' (and 'aliases', 'type') or 'keep_apart'"
            )
        fields = {_scalar(k): v for k, v in item.value}
        if "keep_apart" in fields:
            if set(fields) != {"keep_apart"}:
                raise AliasFileError(f"{where}: a 'keep_apart' entry has no other keys")
            apart.append(KeepApart(_names(fields["keep_apart"], path, where, "keep_apart", 2), line))
            continue
        unknown = set(fields) - {"name", "aliases", "type"}
        if unknown:
            raise AliasFileError(f"{where}: unknown key(s) {sorted(str(u) for u in unknown)}; use name, aliases, type")
        name = _scalar(fields["name"]) if "name" in fields else None
        if not name:
            raise AliasFileError(f"{where}: entry has no 'name'")
        aliases = _names(fields["aliases"], path, where, "aliases", 1) if "aliases" in fields else ()
        kind = _scalar(fields["type"]) if "type" in fields else None
        if kind is not None and kind not in ENTITY_TYPES:
            raise AliasFileError(f"{where}: type {kind!r} is not one of {list(ENTITY_TYPES)}")
        if not aliases and kind is None:
            raise AliasFileError(f"{where}: entry for {name!r} gives neither 'aliases' nor 'type'")
        groups.append(AliasGroup(name=name, aliases=aliases, type=kind, line=line))
    _check_each_name_once(path, groups)
    return AliasFile(tuple(groups), tuple(apart))


def _check_each_name_once(path: Path, groups: list[AliasGroup]) -> None:
    """One name belongs to one entry: a name under two entries would silently rename one entity as the other."""
    first: dict[str, tuple[str, int]] = {}
    for group in groups:
        for name in (group.name, *group.aliases):
            key = name_key(name)
            seen = first.setdefault(key, (name, group.line))
            if seen[1] != group.line:
                raise AliasFileError(
                    f"{path}:{group.line}: {name!r} of the entry at line {group.line} is also listed in the entry "
                    f"at line {seen[1]} (as {seen[0]!r}); a name belongs to one entry only: remove it from one of them"
                )
