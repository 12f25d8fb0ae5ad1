"""Time the search index on a generated 10,000-recommendation pack with 10,000 notes.

Run:  python benchmarks/search.py [--dir DIR] [--repeat 7]
(DIR holds pack.toml and annotations.toml from make_pack.py; without --dir they are
generated into a temporary folder.)
Goals: index build < 1 s; over the fixed queries, median < 20 ms and p95 < 50 ms;
peak memory < 200 MB. A naive linear scan runs the same queries in the same process
for comparison.
"""

from __future__ import annotations

import argparse
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from gpp_tui.content import Library, bundled_pack_path, load_pack
from gpp_tui.search import SearchIndex, UserDoc, fold, parse_query
from gpp_tui.search.documents import node_fields
from make_pack import load_user_docs, write

QUERIES = [
    "retaliation",
    "reparations",
    "réparation",
    "witness",
    "protection",
    "gender persecution",
    '"witness protection"',
    '"collective reparations" survivors',
    "survivor-centred safeguards",
    "trauma informed support kabul",
    "accountability icc",
    "retalation",
    "persecuton",
    "compensaton",
    "r",
    "re",
    "ret",
    "reta",
    "retal",
    "retali",
    "inclusive rep",
    "kabul",
    "tehran widows",
    "genève",
    "geneve",
    "آزار",
    "کابل",
    "follow-up",
    "zürich",
    "nothingmatcheshere",
]

BUILD_GOAL_S, MEDIAN_GOAL_MS, P95_GOAL_MS, MEMORY_GOAL_MB = 1.0, 20.0, 50.0, 200.0


class NaiveSearch:
    """The baseline: one folded text per node or note, scanned with `in` for every word."""

    def __init__(self, library: Library, user_docs: Sequence[UserDoc]) -> None:
        self.rows: list[tuple[str, str]] = []
        for pack in library.packs:
            for node in pack.nodes.values():
                text = " ".join(t for _, t in node_fields(node))
                self.rows.append((node.id, fold(text)))
        for doc in user_docs:
            self.rows.append((doc.node_id, fold(" ".join((doc.text, *doc.tags)))))

    def search(self, query: str, limit: int = 50) -> list[str]:
        parsed = parse_query(query)
        needles = list(parsed.words) + [" ".join(p) for p in parsed.phrases]
        if not needles:
            return []
        found = [node for node, text in self.rows if all(n in text for n in needles)]
        return found[:limit]


def timed(search: Callable[[str], object], query: str, repeat: int) -> tuple[list[float], int]:
    """Milliseconds of each of `repeat` runs of one query, and the number of results."""
    times = []
    result: object = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = search(query)
        times.append((time.perf_counter() - start) * 1000)
    return times, len(result) if isinstance(result, list) else 0


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1]


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dir", type=Path, help="folder with pack.toml and annotations.toml")
    parser.add_argument("--repeat", type=int, default=7, help="runs of each query")
    args = parser.parse_args(argv)

    folder = args.dir
    if folder is None:
        folder = Path(tempfile.mkdtemp(prefix="gpp-search-bench-"))
    if not (folder / "pack.toml").exists():
        print(f"generating the pack and notes in {folder} ...")
        write(folder, recommendations=10_000, areas=50, notes=10_000, seed=7)

    start = time.perf_counter()
    library = Library((load_pack(bundled_pack_path()), load_pack(folder / "pack.toml")))
    docs = load_user_docs(folder / "annotations.toml")
    load_s = time.perf_counter() - start
    nodes = sum(len(p.nodes) for p in library.packs)
    print(f"loaded {nodes} nodes, {len(docs)} notes and bookmarks in {load_s:.2f} s (not timed)")

    builds = []
    index = SearchIndex.build(library, docs)
    for _ in range(3):
        del index
        gc.collect()
        start = time.perf_counter()
        index = SearchIndex.build(library, docs)
        builds.append(time.perf_counter() - start)
    build_s = statistics.median(builds)
    memory_index = peak_mb()

    update_ms = []
    for n in range(200):
        doc = UserDoc("bench", "X01.1", "note", f"fresh note {n} about reparations", (), f"u{n}")
        start = time.perf_counter()
        index.update_user_doc(doc)
        index.remove_user_doc("bench", "X01.1", "note", f"u{n}")
        update_ms.append((time.perf_counter() - start) * 1000)

    naive = NaiveSearch(library, docs)
    rows: list[tuple[str, int, list[float], int, list[float]]] = []
    all_index: list[float] = []
    all_naive: list[float] = []
    for query in QUERIES:
        index_times, index_hits = timed(index.search, query, args.repeat)
        naive_times, naive_hits = timed(naive.search, query, args.repeat)
        all_index += index_times
        all_naive += naive_times
        rows.append((query, index_hits, index_times, naive_hits, naive_times))

    print(f"\n{'query':36} {'hits':>5} {'index ms':>9} {'naive ms':>9} {'naive/index':>12}")
    for query, index_hits, index_times, naive_hits, naive_times in rows:
        ms, naive_ms = statistics.median(index_times), statistics.median(naive_times)
        figures = f"{ms:>9.2f} {naive_ms:>9.2f} {naive_ms / ms:>11.1f}x"
        print(f"{query:36} {index_hits:>5} {figures}  {naive_hits} naive")

    median_ms, p95_ms = statistics.median(all_index), p95(all_index)
    baseline = f"naive {statistics.median(all_naive):.2f} ms / p95 {p95(all_naive):.2f} ms"
    checks = [
        report("build (median of 3)", build_s, "s", BUILD_GOAL_S, f"min {min(builds):.3f} s"),
        report("query median", median_ms, "ms", MEDIAN_GOAL_MS, baseline),
        report("query p95", p95_ms, "ms", P95_GOAL_MS),
        report("peak memory with the index", memory_index, "MB", MEMORY_GOAL_MB),
    ]
    updates = f"median {statistics.median(update_ms):.3f} ms, max {max(update_ms):.2f} ms"
    print(f"note update + remove: {updates}")
    print(f"peak memory with the naive baseline too: {peak_mb():.0f} MB")
    print(f"\nrerun: python benchmarks/search.py --dir {folder}")
    return 0 if all(checks) else 1


def report(what: str, value: float, unit: str, goal: float, extra: str = "") -> bool:
    """Print one figure against its goal; True if it meets it."""
    ok = value < goal
    verdict = "ok" if ok else "MISSED"
    extra = f"  ({extra})" if extra else ""
    print(f"{what:28} {value:9.3f} {unit:3} goal < {goal:g} {unit:3} {verdict}{extra}")
    return ok


if __name__ == "__main__":
    sys.exit(main())
