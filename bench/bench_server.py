#!/usr/bin/env python3
"""Benchmark: the language server's latency from ``didChange`` to published diagnostics.

    python bench/bench_server.py --file /path/to/project/module.py [--edits 50] [--debounce 150]

Starts ``flake8-dbsession server`` in the module's project, opens the module, then sends
``--edits`` full-text changes, each editing a different line (a trailing comment), one at a time,
and times each from sending the change to receiving the diagnostics of that version. Prints the
median and the worst, with the server's default debounce (it is part of what a user waits) and
the time the analysis itself took (latency minus the debounce). Not a test: timings depend on the
machine.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.lsp_client import Client  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, required=True)
    parser.add_argument("--root", type=Path, help="the workspace folder (default: the file's project root)")
    parser.add_argument("--edits", type=int, default=50)
    parser.add_argument("--debounce", type=float, default=150, help="milliseconds (the server's default: 150)")
    args = parser.parse_args()

    path = args.file.resolve()
    root = (args.root or _project_root(path)).resolve()
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    client = Client(str(root))
    try:
        client.initialize(root.as_uri(), {"debounce": args.debounce})
        uri = path.as_uri()
        start = time.perf_counter()
        client.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "python", "version": 1,
                                                                "text": text}})
        _, message = client.wait_timed(_published(uri, 1), timeout=300)
        opened = time.perf_counter() - start
        count = len(message["params"]["diagnostics"])
        latencies = []
        code_lines = [n for n, line in enumerate(lines) if line.strip() and not line.rstrip().endswith("\\")
                      and '"""' not in line and "'''" not in line and "#" not in line]
        for edit in range(args.edits):
            row = code_lines[(edit * 37) % len(code_lines)]
            changed = list(lines)
            changed[row] = changed[row].rstrip("\r\n") + f"  # edit {edit}\n"
            version = edit + 2
            sent = time.perf_counter()
            client.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                     "contentChanges": [{"text": "".join(changed)}]})
            at, _ = client.wait_timed(_published(uri, version), timeout=300)
            latencies.append(at - sent)
    finally:
        client.close()
    ms = sorted(x * 1000 for x in latencies)
    debounce = args.debounce
    print(f"{path} ({len(lines)} lines, {count} findings), workspace {root}")
    print(f"didOpen to diagnostics: {opened * 1000:.0f} ms (cold: the project's modules read once)")
    print(f"didChange to diagnostics over {len(ms)} edits, debounce {debounce:.0f} ms: "
          f"median {statistics.median(ms):.0f} ms, worst {ms[-1]:.0f} ms; "
          f"analysis alone: median {statistics.median(ms) - debounce:.0f} ms, "
          f"worst {ms[-1] - debounce:.0f} ms")
    return 0


def _published(uri: str, version: int):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri
                      and m["params"].get("version") == version)


def _project_root(path: Path) -> Path:
    for folder in path.parents:
        if any((folder / name).exists() for name in ("pyproject.toml", "setup.cfg", "setup.py", ".git")):
            return folder
    return path.parent


if __name__ == "__main__":
    sys.exit(main())
