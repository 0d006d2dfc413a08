#!/usr/bin/env python3
"""Benchmark: how much flake8-dbsession adds to flake8's own time on a large real code base.

    python bench/bench_flake8.py                      # prefect from PyPI (default)
    python bench/bench_flake8.py --package apache-airflow --runs 3

It fetches the package's sources with ``pip download --no-deps`` into ``bench/cache/`` (once), makes
a virtual environment there with the same flake8 and without this plugin (once), then times
``flake8 -j1 --select=DBS`` over the sources with the plugin (this interpreter's environment) and
without it (the cache venv), alternating, best of ``--runs``, and prints the ratio. Not a test: timings depend on
the machine; the ratio is what to compare.
"""
from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
import venv
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CACHE = HERE / "cache"


def fetch(package: str) -> Path:
    target = CACHE / "src" / package
    if target.is_dir() and any(target.iterdir()):
        return target
    download = CACHE / "download" / package
    download.mkdir(parents=True, exist_ok=True)
    subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "-d", str(download), package],
                   check=True)
    archive = sorted(download.iterdir())[0]
    target.mkdir(parents=True, exist_ok=True)
    if archive.suffix == ".whl" or archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zf:
            zf.extractall(target)
    else:
        shutil.unpack_archive(str(archive), str(target))
    return target


def base_flake8() -> Path:
    """flake8 of the same version as this environment's, without flake8-dbsession."""
    import flake8

    env = CACHE / f"venv-flake8-{flake8.__version__}"
    exe = env / "bin" / "flake8"
    if not exe.exists():
        venv.EnvBuilder(with_pip=True, clear=True).create(env)
        subprocess.run([str(env / "bin" / "python"), "-m", "pip", "install", "-q", f"flake8=={flake8.__version__}"],
                       check=True)
    return exe


def timed_once(command: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds of the child, stdout) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True,
                            env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if "Traceback" in result.stderr:
        sys.exit(f"flake8 crashed:\n{result.stderr[-3000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout


def interleaved(without: list[str], with_plugin: list[str], cwd: Path, runs: int):
    """Best wall and CPU time of each command, runs alternating so that a machine that speeds up
    or slows down during the benchmark affects both sides alike."""
    best = {"without": [float("inf"), float("inf")], "with": [float("inf"), float("inf")]}
    out = ""
    for _ in range(runs):
        for side, command in (("without", without), ("with", with_plugin)):
            wall, cpu, stdout = timed_once(command, cwd)
            best[side] = [min(best[side][0], wall), min(best[side][1], cpu)]
            if side == "with":
                out = stdout
    return best, out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", default="prefect")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    sources = fetch(args.package)
    files = sum(1 for _ in sources.rglob("*.py"))
    base = base_flake8()
    argv = ["-j1", "--isolated", "--select=DBS", "."]
    best, out = interleaved([str(base), *argv], [sys.executable, "-m", "flake8", *argv], sources, args.runs)
    findings = [line for line in out.splitlines() if line.strip()]
    (wall_without, cpu_without), (wall_with, cpu_with) = best["without"], best["with"]
    ratio = wall_with / wall_without
    print(f"package: {args.package} ({files} .py files)")
    print(f"flake8 -j1 without the plugin: {wall_without:.2f} s wall, {cpu_without:.2f} s CPU (best of {args.runs})")
    print(f"flake8 -j1 with flake8-dbsession: {wall_with:.2f} s wall, {cpu_with:.2f} s CPU (best of {args.runs})")
    print(f"findings: {len(findings)}")
    print(f"CPU ratio: {cpu_with / cpu_without:.3f}")
    print(f"ratio: {ratio:.3f} (the plugin adds {100 * (ratio - 1):+.1f}% to flake8's own time)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
