#!/usr/bin/env python3
"""Benchmark: the standalone ``flake8-dbsession check`` beside flake8, on one large code base.

    python bench/bench_standalone.py --path /some/checkout          # a tree on disk
    python bench/bench_standalone.py --package apache-airflow        # sources from PyPI (cached)

Every side gets the same explicit list of ``.py`` files, one worker (``-j1``), alternating runs:

- ``ast.parse``: read and parse every file, nothing else (the floor of any AST linter);
- ``check -j1``: the standalone command;
- ``flake8 --select=DBS``: flake8 with this plugin and only its codes;
- ``flake8 alone``: flake8's own checks (pycodestyle, pyflakes, mccabe), this plugin idle;
- and once ``check`` with every core, for its wall time.

It prints median wall and CPU seconds, peak memory (RSS), lines per second per core (lines / CPU
seconds) and the ratios. Not a test: timings depend on the machine; the ratios are what to compare.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_flake8 import _IDLE_PLUGIN, fetch  # noqa: E402

HERE = Path(__file__).resolve().parent
_PARSE_ONLY = ("import ast, sys\n"
               "for path in open(sys.argv[1]).read().splitlines():\n"
               "    try:\n"
               "        ast.parse(open(path, 'rb').read())\n"
               "    except (SyntaxError, ValueError, RecursionError):\n"
               "        pass\n")


def run(command: list[str], cwd: Path) -> tuple[float, float, float, str]:
    """(wall s, CPU s, peak RSS MB, stdout) of one run, measured on that child alone (wait4)."""
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        proc = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=sink,
                                env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        out = proc.stdout.read().decode("utf-8", "replace")
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--path", type=Path, help="a source tree on disk")
    source.add_argument("--package", default="prefect", help="a PyPI package's sources (default: prefect)")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    root = args.path.resolve() if args.path else fetch(args.package)
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                   if p.is_file() and not any(part.startswith(".") for part in p.relative_to(root).parts))
    lines = 0
    for rel in files:
        with open(root / rel, "rb") as handle:
            lines += handle.read().count(b"\n")
    listing = HERE / "cache" / "files.txt"
    listing.parent.mkdir(parents=True, exist_ok=True)
    listing.write_text("\n".join(files) + "\n")

    standalone = [str(Path(sys.executable).with_name("flake8-dbsession")), "check", "--isolated", "-q"]
    sides = {
        "ast.parse": [sys.executable, "-c", _PARSE_ONLY, str(listing)],
        "check -j1": [*standalone, "-j1", *files],
        "flake8 --select=DBS": [sys.executable, "-m", "flake8", "-j1", "--isolated", "--select=DBS", *files],
        "flake8 alone": [sys.executable, "-c", _IDLE_PLUGIN, "-j1", "--isolated", *files],
    }
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in sides}
    outputs: dict[str, str] = {}
    for _ in range(args.runs):
        for name, command in sides.items():
            wall, cpu, rss, out = run(command, root)
            times[name].append((wall, cpu, rss))
            outputs[name] = out
    parallel = run([*standalone, *files], root)

    print(f"{root.name}: {len(files)} files, {lines:,} lines; {args.runs} alternating runs per side, -j1")
    print(f"{'side':<22}{'wall s':>9}{'CPU s':>9}{'peak MB':>9}{'lines/s/core':>14}")
    medians = {}
    for name, runs in times.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        rss = max(r[2] for r in runs)
        medians[name] = cpu
        print(f"{name:<22}{wall:>9.2f}{cpu:>9.2f}{rss:>9.0f}{lines / cpu:>14,.0f}")
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    print(f"{'check -j' + str(cores):<22}{parallel[0]:>9.2f}{parallel[1]:>9.2f}{parallel[2]:>9.0f}"
          f"{lines / parallel[1]:>14,.0f}   (all cores; peak MB of the parent process)")
    print(f"ratios of median CPU: check / ast.parse {medians['check -j1'] / medians['ast.parse']:.2f}; "
          f"flake8 --select=DBS / check {medians['flake8 --select=DBS'] / medians['check -j1']:.2f}; "
          f"flake8 alone / check {medians['flake8 alone'] / medians['check -j1']:.2f}")
    ours = sorted(outputs["check -j1"].splitlines())
    theirs = sorted(line.removeprefix("./") for line in outputs["flake8 --select=DBS"].splitlines())
    print(f"findings: check {len(ours)}, flake8 --select=DBS {len(theirs)}; identical: {ours == theirs}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
