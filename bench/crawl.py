#!/usr/bin/env python3
"""Crawl: every ``.py`` file under a folder (an installed environment) through both front ends,
looking for tracebacks and hangs, not for findings.

    python bench/crawl.py /path/to/venv/lib/python3.11/site-packages

- the plugin, exactly as flake8 drives it (lines read as flake8 reads them, the tree flake8 would
  build, ``DBSessionChecker(...).run()``), in this process, one file at a time: every exception
  is recorded with its file, and the slowest files are listed;
- the standalone command over the whole folder in a subprocess (``--exclude`` replaced, since
  ``site-packages`` is a default exclude): its standard error must hold warnings only.

Prints the number of files, what each front end reported, and every failure. Exit 1 on a failure.
"""
from __future__ import annotations

import argparse
import ast
import subprocess
import sys
import time
import tokenize
import traceback
from pathlib import Path


def flake8_lines(path: Path) -> list[str]:
    try:
        with tokenize.open(path) as handle:
            return handle.readlines()
    except (SyntaxError, UnicodeError):
        with open(path, encoding="latin-1") as handle:
            return handle.readlines()


def crawl_plugin(files: list[Path]) -> tuple[int, int, list[str], list[tuple[float, Path]]]:
    """(files analysed, findings, failures, slowest files)."""
    import argparse as ap

    from flake8_dbsession.plugin import DBSessionChecker
    DBSessionChecker.parse_options(ap.Namespace(**{opt.flake8_dest: None for opt in
                                                   __import__("flake8_dbsession.settings").settings.OPTIONS}))
    DBSessionChecker.enabled = None
    analysed = findings = 0
    failures: list[str] = []
    timings: list[tuple[float, Path]] = []
    for path in files:
        try:
            lines = flake8_lines(path)
            if lines and lines[0].startswith("\ufeff"):
                lines[0] = lines[0][1:]
            try:
                tree = ast.parse("".join(lines))
            except (SyntaxError, ValueError, RecursionError, MemoryError):
                continue  # flake8 reports E999 (or dies itself on RecursionError): the plugin never runs
            start = time.perf_counter()
            findings += len(list(DBSessionChecker(tree, str(path), lines).run()))
            timings.append((time.perf_counter() - start, path))
            analysed += 1
        except Exception:  # noqa: BLE001 - what the crawl is looking for
            failures.append(f"{path}:\n{traceback.format_exc()}")
    timings.sort(reverse=True)
    return analysed, findings, failures, timings[:5]


def crawl_standalone(root: Path, jobs: int) -> tuple[int, int, list[str], float]:
    exe = str(Path(sys.executable).with_name("flake8-dbsession"))
    start = time.perf_counter()
    result = subprocess.run([exe, "check", "--isolated", "--no-respect-gitignore", "--exclude", "__none__", "-q",
                             f"-j{jobs}", str(root)], capture_output=True, text=True, timeout=7200)
    elapsed = time.perf_counter() - start
    lines = result.stderr.splitlines()
    warnings = [line for line in lines if line.startswith("flake8-dbsession: warning: ")]
    failures = [] if result.returncode in (0, 1) and len(warnings) == len(lines) else \
        [f"exit {result.returncode}; stderr:\n" + "\n".join(line for line in lines if line not in warnings)[-5000:]]
    return len(result.stdout.splitlines()), len(warnings), failures, elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    files = sorted(p for p in args.root.rglob("*.py") if p.is_file())
    print(f"{args.root}: {len(files)} .py files")
    start = time.perf_counter()
    analysed, findings, plugin_failures, slowest = crawl_plugin(files)
    print(f"plugin: {analysed} files parsed and analysed, {findings} findings, {len(plugin_failures)} failures, "
          f"{time.perf_counter() - start:.0f} s; slowest: "
          + ", ".join(f"{p.relative_to(args.root)} {t:.2f} s" for t, p in slowest))
    printed, warnings, standalone_failures, elapsed = crawl_standalone(args.root, args.jobs)
    print(f"standalone: {printed} findings, {warnings} one-line warnings, {len(standalone_failures)} failures, "
          f"{elapsed:.0f} s")
    for failure in plugin_failures + standalone_failures:
        print(failure)
    return 1 if plugin_failures or standalone_failures else 0


if __name__ == "__main__":
    sys.exit(main())
