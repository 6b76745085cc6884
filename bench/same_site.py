"""Same input, two revisions of the generator: are the built sites byte for byte the same?

    python bench/same_site.py [BASE [OTHER]] [--bbc ../shared/data/bbc-news-summary/articles] [--sample 300]
                              [--workdir DIR] [--docs] [--also DIR ...]

BASE and OTHER are git revisions (default: the merge base with main, and the working tree as it is,
uncommitted changes included: `WORKTREE`). Each revision's files are exported (`git archive`, or a
copy of the working tree) to a folder of the work folder and run there with this virtualenv's Python:
`python -m generator build --clean` of the seeds and of a deterministic sample of the BBC corpus
(every k-th file in sorted order, `--sample` files; `--bbc ''` skips it), under SOURCE_DATE_EPOCH, from
the same copy of the input (the input path shows on the build report), into empty site folders.
Then every file of the two sites is compared; `--docs` compares the generated Markdown too. Prints
each differing file with the first lines that differ, and exits 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EPOCH = "1700000000"
WORKTREE = "WORKTREE"
SHOWN_LINES = 12


def _git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=ROOT, check=True, capture_output=True, text=True).stdout.strip()


def export(revision: str, target: Path) -> str:
    """The revision's files in target; returns the name it is shown under."""
    if target.exists():
        shutil.rmtree(target)
    if revision == WORKTREE:
        ignore = shutil.ignore_patterns(".git", ".venv", ".cache", ".build", "site", "__pycache__", "*.egg-info")
        shutil.copytree(ROOT, target, ignore=ignore)
        return "working tree"
    target.mkdir(parents=True)
    with tempfile.TemporaryFile() as archive:
        subprocess.run(["git", "archive", revision], cwd=ROOT, check=True, stdout=archive)
        archive.seek(0)
        with tarfile.open(fileobj=archive) as tar:
            tar.extractall(target, filter="data")
    return _git("rev-parse", "--short", revision)


def bbc_sample(data: Path, count: int, target: Path) -> None:
    """Every k-th article of the corpus in sorted order (k = total // count), category folders kept."""
    files = sorted(p for p in data.rglob("*.txt") if p.is_file())
    step = max(1, len(files) // count)
    for path in files[::step][:count]:
        destination = target / path.relative_to(data)
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, destination)


def build(tree: Path, input_dir: Path, site_dir: Path, cache_dir: Path, log: Path) -> None:
    """`python -m generator build --clean` in the exported tree, its own build folder, a shared analysis cache."""
    config = tree / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    if "cache_dir:" not in text:  # the analysis cache is keyed on the analyser source: sharing it is safe
        config.write_text(text.replace("  report:\n", f"  report:\n    cache_dir: {cache_dir}\n", 1), encoding="utf-8")
    if site_dir.exists():
        shutil.rmtree(site_dir)
    shutil.rmtree(tree / ".build", ignore_errors=True)
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, "PYTHONPATH": str(tree)}
    command = [sys.executable, "-m", "generator", "build", "--config", str(config), "--input", str(input_dir)]
    command += ["--site-dir", str(site_dir), "--clean", "--quiet"]
    with log.open("w", encoding="utf-8") as out:
        done = subprocess.run(command, cwd=tree, env=env, stdout=out, stderr=subprocess.STDOUT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"build failed in {tree} (exit {done.returncode}); see {log}")


def files_of(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _changed_lines(a: list[str], b: list[str], context: int = 70) -> list[tuple[str, str]]:
    """Pairs of differing lines, each cut to the part around its first difference."""
    pairs = []
    if len(a) == len(b):  # lines changed in place (a label, a version): pair them, no quadratic diff of a big file
        opcodes = [("replace", i, i + 1, i, i + 1) for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    else:
        opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    for tag, i1, i2, j1, j2 in opcodes:
        if tag == "equal":
            continue
        for k in range(max(i2 - i1, j2 - j1)):
            one = a[i1 + k] if i1 + k < i2 else ""
            two = b[j1 + k] if j1 + k < j2 else ""
            start = next((n for n, (x, y) in enumerate(zip(one, two, strict=False)) if x != y), min(len(one), len(two)))
            cut = max(0, start - context)
            pairs.append(
                (("…" if cut else "") + one[cut : start + context], ("…" if cut else "") + two[cut : start + context])
            )
    return pairs


def compare(label: str, one: Path, other: Path) -> int:
    """Print what differs between two folders; the number of differing files."""
    a, b = files_of(one), files_of(other)
    only_a, only_b = sorted(set(a) - set(b)), sorted(set(b) - set(a))
    changed = [name for name in sorted(set(a) & set(b)) if a[name] != b[name]]
    print(f"{label}: {len(a)} and {len(b)} files, {len(changed)} differ, {len(only_a)} + {len(only_b)} in one only")
    for name in only_a:
        print(f"  only in the first: {name}")
    for name in only_b:
        print(f"  only in the second: {name}")
    for name in changed:
        print(f"  differs: {name}")
        try:
            lines_a, lines_b = a[name].decode().splitlines(), b[name].decode().splitlines()
        except UnicodeDecodeError:
            print("    (binary)")
            continue
        shown = 0
        for removed, added in _changed_lines(lines_a, lines_b):
            if shown == SHOWN_LINES:
                print("    …")
                break
            print(f"    - {removed}\n    + {added}")
            shown += 1
    return len(changed) + len(only_a) + len(only_b)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("base", nargs="?", help="git revision (default: the merge base with main)")
    parser.add_argument("other", nargs="?", default=WORKTREE, help=f"git revision, or {WORKTREE} (default)")
    parser.add_argument("--bbc", default=str(ROOT.parent / "shared/data/bbc-news-summary/articles"))
    parser.add_argument("--sample", type=int, default=300, help="BBC articles in the sample (default 300)")
    parser.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "same-site")
    parser.add_argument("--docs", action="store_true", help="compare the generated Markdown folders too")
    parser.add_argument("--also", type=Path, nargs="*", default=[], help="more input folders to build and compare")
    args = parser.parse_args()
    base = args.base or _git("merge-base", "HEAD", "main")
    work = args.workdir.resolve()
    inputs = {"seeds": work / "input" / "seeds"}
    shutil.rmtree(work / "input", ignore_errors=True)
    shutil.copytree(ROOT / "seeds", inputs["seeds"])
    bbc = Path(args.bbc) if args.bbc else None
    if bbc and bbc.is_dir():
        inputs["bbc"] = work / "input" / f"bbc-{args.sample}"
        bbc_sample(bbc, args.sample, inputs["bbc"])
    elif bbc:
        print(f"BBC corpus not found at {bbc}: comparing the seeds only")
    for folder in args.also:
        inputs[folder.name] = folder.resolve()
    differing = 0
    trees = {}
    for side, revision in (("a", base), ("b", args.other)):
        trees[side] = work / f"tree-{side}"
        print(f"{side}: {export(revision, trees[side])}")
    for corpus, input_dir in inputs.items():
        for side, tree in trees.items():
            build(
                tree, input_dir, work / f"site-{corpus}-{side}", work / "analysis-cache", work / f"{corpus}-{side}.log"
            )
            if args.docs:
                docs = work / f"docs-{corpus}-{side}"
                shutil.rmtree(docs, ignore_errors=True)
                shutil.copytree(tree / ".build" / "docs", docs)
        differing += compare(f"{corpus} site", work / f"site-{corpus}-a", work / f"site-{corpus}-b")
        if args.docs:
            differing += compare(f"{corpus} docs", work / f"docs-{corpus}-a", work / f"docs-{corpus}-b")
    print("same sites, byte for byte" if not differing else f"{differing} file(s) differ")
    raise SystemExit(1 if differing else 0)


if __name__ == "__main__":
    main()
