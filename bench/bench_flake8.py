#!/usr/bin/env python3
"""Benchmark: how much flake8-dbsession adds to flake8's own time on a large real code base.

    python bench/bench_flake8.py                      # prefect from PyPI (default)
    python bench/bench_flake8.py --package apache-airflow --runs 3
    python bench/bench_flake8.py --path /path/to/an/application --runs 3

It fetches the package's sources with ``pip download --no-deps`` into ``bench/cache/`` (once), then
times ``flake8 -j1 --select=DBS`` over the sources with the plugin and with the plugin idle (loaded,
doing nothing: same interpreter, same installed packages), alternating ``--runs`` times (ABBA),
and prints the ratios of the medians, of the fastest runs and the median of each round's ratio
(``--clean-venv``: compare with flake8 in a virtual environment of its own without the plugin,
made in the cache once); then runs flake8 once in this process and prints the share of its time
spent in the plugin. Not a test: timings depend
on the machine; the ratios are what to compare.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import statistics
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
    """Wall and CPU times of every run of each command, runs alternating (and which side goes
    first alternating too: ABBA) so that a machine that speeds up or slows down during the
    benchmark affects both sides alike."""
    times: dict[str, list[tuple[float, float]]] = {"without": [], "with": []}
    out = ""
    sides = [("without", without), ("with", with_plugin)]
    for round_ in range(runs):
        for side, command in (sides if round_ % 2 == 0 else sides[::-1]):
            wall, cpu, stdout = timed_once(command, cwd)
            times[side].append((wall, cpu))
            if side == "with":
                out = stdout
        print(f"  round {round_ + 1}: CPU without {times['without'][-1][1]:.2f} s, "
              f"with {times['with'][-1][1]:.2f} s", flush=True)
    return times, out


def plugin_share(sources: Path, argv: list[str]) -> tuple[float, float]:
    """(seconds inside the plugin, seconds of the whole flake8 run) in this one process: both
    clocks see the same machine load, so their ratio is the least noisy figure on a busy machine."""
    import flake8_dbsession.plugin as plugin
    from flake8.main.cli import main as flake8_main

    spent = [0.0]
    original = plugin.DBSessionChecker.run

    def timed_run(self):
        start = time.perf_counter()
        results = list(original(self))
        spent[0] += time.perf_counter() - start
        return iter(results)

    plugin.DBSessionChecker.run = timed_run
    cwd = os.getcwd()
    os.chdir(sources)
    start = time.perf_counter()
    try:
        with open(os.devnull, "w") as sink, contextlib.redirect_stdout(sink):
            flake8_main(argv)
    except SystemExit:
        pass
    finally:
        os.chdir(cwd)
        plugin.DBSessionChecker.run = original
    return spent[0], time.perf_counter() - start


# flake8 in this environment with the plugin loaded but doing nothing: the same interpreter, the
# same installed distributions, so the difference is the plugin's work (garbage collection included)
_IDLE_PLUGIN = ("import sys; import flake8_dbsession.plugin as p; p.DBSessionChecker.run = lambda self: iter(()); "
                "from flake8.main.cli import main; sys.argv[0] = 'flake8'; main()")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--package", default="prefect", help="a PyPI package's sources (default: prefect)")
    source.add_argument("--path", type=Path, help="a source tree on disk instead (an application's checkout)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--share-only", action="store_true",
                        help="only the in-process share (one flake8 run in this process): what "
                             "bench/compare_share.py alternates between two environments")
    parser.add_argument("--clean-venv", action="store_true",
                        help="compare with flake8 in a separate environment without the plugin installed, "
                             "instead of this environment with the plugin idle")
    args = parser.parse_args()

    sources = args.path.resolve() if args.path else fetch(args.package)
    if args.share_only:
        inside, total = plugin_share(sources, ["-j1", "--isolated", "--select=DBS", "."])
        print(f"share {100 * inside / (total - inside):.2f} inside {inside:.2f} total {total:.2f}")
        return 0
    files = sum(1 for _ in sources.rglob("*.py"))
    lines = sum(p.read_bytes().count(b"\n") for p in sources.rglob("*.py") if p.is_file())
    argv = ["-j1", "--isolated", "--select=DBS", "."]
    without = [str(base_flake8()), *argv] if args.clean_venv else [sys.executable, "-c", _IDLE_PLUGIN, *argv]
    times, out = interleaved(without, [sys.executable, "-m", "flake8", *argv], sources, args.runs)
    findings = [line for line in out.splitlines() if line.strip()]
    baseline = "flake8 in a clean environment" if args.clean_venv else "the plugin idle in this environment"
    print(f"{sources.name}: {files} .py files, {lines:,} lines; {args.runs} alternating runs per side; "
          f"without = {baseline}")
    for what, index in (("wall", 0), ("CPU", 1)):
        without = [run[index] for run in times["without"]]
        with_ = [run[index] for run in times["with"]]
        print(f"{what:>4}: without {statistics.median(without):6.2f} s, with {statistics.median(with_):6.2f} s "
              f"(medians; fastest {min(without):.2f} / {min(with_):.2f}); "
              f"ratio of medians {statistics.median(with_) / statistics.median(without):.3f}, "
              f"of the fastest runs {min(with_) / min(without):.3f}, "
              f"median of each round's ratio {statistics.median(w / o for w, o in zip(with_, without)):.3f}")
    print(f"findings: {len(findings)}")
    inside, total = plugin_share(sources, argv)
    print(f"in one process: {inside:.2f} s of {total:.2f} s inside the plugin, so it adds "
          f"{100 * inside / (total - inside):.1f}% to flake8's own time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
