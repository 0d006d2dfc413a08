#!/usr/bin/env python3
"""Benchmark: the plugin's in-process share of flake8's time, before and after a change, in one
sitting: two environments (each with its own flake8-dbsession installed) alternate over the same
applications, ABBA, and the medians per application are printed with their difference.

    python bench/compare_share.py --before /tmp/baseline/.venv/bin/python \\
        --after .venv/bin/python --rounds 3 /path/to/app1 /path/to/app2 ...

Each run is ``bench/bench_flake8.py --share-only --path APP`` in that environment's interpreter:
one ``flake8 -j1 --select=DBS`` in one process, timing the plugin inside it. Not a test.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def share(python: str, app: Path) -> float:
    out = subprocess.run([python, str(HERE / "bench_flake8.py"), "--share-only", "--path", str(app)],
                         check=True, capture_output=True, text=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("share "))
    return float(line.split()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", required=True, help="the interpreter of the environment before the change")
    parser.add_argument("--after", required=True, help="the interpreter of the environment after it")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("apps", nargs="+", type=Path)
    args = parser.parse_args()
    print("| application | before (median %) | after (median %) | change (points) | rounds |")
    print("|---|---|---|---|---|")
    for app in args.apps:
        runs: dict[str, list[float]] = {"before": [], "after": []}
        for n in range(args.rounds):
            order = ("before", "after") if n % 2 == 0 else ("after", "before")
            for side in order:
                runs[side].append(share(getattr(args, side), app))
            print(f"  {app.name} round {n + 1}: before {runs['before'][-1]:.2f}%, after {runs['after'][-1]:.2f}%",
                  file=sys.stderr)
        before, after = statistics.median(runs["before"]), statistics.median(runs["after"])
        print(f"| {app.name} | {before:.1f} | {after:.1f} | {after - before:+.1f} | {args.rounds} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
