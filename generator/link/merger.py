"""Union-find over name keys that respects the alias file's `keep_apart` and remembers why keys joined."""

from __future__ import annotations

from collections import defaultdict, deque

from generator.link.unionfind import DisjointSets


class Merger(DisjointSets[str]):
    """Groups of name keys; every join records its rule, so each name's reason can be told later."""

    def __init__(self, keep_apart: list[set[str]]) -> None:
        super().__init__()
        self.edges: dict[str, list[tuple[str, str]]] = defaultdict(list)  # key -> [(other key, why key joined)]
        self.keep_apart = [names for names in keep_apart if len(names) >= 2]

    def allowed(self, a: str, b: str) -> bool:
        """False when joining a's and b's groups would put two names of one `keep_apart` entry together."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        for names in self.keep_apart:
            roots = {self.find(n) for n in names if n in self.parent}
            if root_a in roots and root_b in roots:
                return False
        return True

    def union(self, a: str, b: str, reason: str, mirror: str | None = None) -> bool:
        """Join b's group to a's. `reason` says why b is a's entity, `mirror` why a is b's ({other}: the other name)."""
        root_a, root_b = self.find(a), self.find(b)
        if root_a == root_b:
            return True
        if not self.allowed(a, b):
            return False
        self.join(min(root_a, root_b), max(root_a, root_b))  # the smaller key stays the root
        self.edges[b].append((a, reason))
        self.edges[a].append((b, mirror or reason))
        return True

    def explain(self, start: str, surface: dict[str, str]) -> dict[str, str]:
        """Why each key of start's group belongs with start: the rule on the path from start that reached it."""
        reasons = {start: "same name"}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            for other, _ in self.edges[current]:
                if other in reasons:
                    continue
                why = next(r for k, r in self.edges[other] if k == current)
                reasons[other] = why.format(other=surface.get(current, current))
                queue.append(other)
        return reasons
