"""The user's alias file: names that are one entity, with an optional display name and type.

Format (YAML, a list)::

    - name: Islamic State          # the display name
      type: ORG                    # optional: PERSON, ORG, GPE, LOC, NORP, ...
      aliases: [IS, ISIS, ISIL, Daesh]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from generator.config import ENTITY_TYPES


class AliasFileError(ValueError):
    """The alias file cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class AliasGroup:
    name: str
    aliases: tuple[str, ...]
    type: str | None
    line: int


def _scalar(node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None


def load_aliases(path: Path) -> list[AliasGroup]:
    """Read and check the alias file; an absent file means no aliases."""
    if not path.exists():
        return []
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise AliasFileError(f"{path}{where}: not valid YAML ({getattr(exc, 'problem', exc)})") from exc
    if root is None:
        return []
    if not isinstance(root, yaml.SequenceNode):
        raise AliasFileError(
            f"{path}:{root.start_mark.line + 1}: expected a list of entries like '- name: X, aliases: [Y, Z]'"
        )
    groups: list[AliasGroup] = []
    for item in root.value:
        line = item.start_mark.line + 1
        where = f"{path}:{line}"
        if not isinstance(item, yaml.MappingNode):
            raise AliasFileError(f"{where}: each entry must be a mapping with 'name' and 'aliases'")
        fields = {_scalar(k): v for k, v in item.value}
        unknown = set(fields) - {"name", "aliases", "type"}
        if unknown:
            raise AliasFileError(f"{where}: unknown key(s) {sorted(str(u) for u in unknown)}; use name, aliases, type")
        name = _scalar(fields["name"]) if "name" in fields else None
        if not name:
            raise AliasFileError(f"{where}: entry has no 'name'")
        alias_node = fields.get("aliases")
        if not isinstance(alias_node, yaml.SequenceNode) or not alias_node.value:
            raise AliasFileError(f"{where}: 'aliases' must be a non-empty list of names")
        aliases = []
        for alias in alias_node.value:
            text = _scalar(alias)
            if text is None:
                raise AliasFileError(f"{path}:{alias.start_mark.line + 1}: an alias must be a non-empty name")
            aliases.append(text)
        kind = _scalar(fields["type"]) if "type" in fields else None
        if kind is not None and kind not in ENTITY_TYPES:
            raise AliasFileError(f"{where}: type {kind!r} is not one of {list(ENTITY_TYPES)}")
        groups.append(AliasGroup(name=name, aliases=tuple(aliases), type=kind, line=line))
    return groups
