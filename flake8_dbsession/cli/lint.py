"""Lint files: read and decode them as flake8 does, parse, analyse with the enabled rules, drop what
``per-file-ignores`` and noqa comments silence. Many files run in worker processes; the result is
the same, in the same order, whatever the number of jobs."""
from __future__ import annotations

import ast
import io
import os
import sys
import tokenize
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context

from flake8_dbsession.analysis import analyze
from flake8_dbsession.cli.files import Target
from flake8_dbsession.cli.noqa import Suppressions, file_skipped, may_skip_file
from flake8_dbsession.cli.selection import Layer, PerFileIgnore, enabled_codes
from flake8_dbsession.findings import Finding
from flake8_dbsession.relevance import worth_linting

_SERIAL_BELOW = 16  # fewer files than this: starting workers costs more than it saves


@dataclass(frozen=True)
class Options:
    """What the command line adds to every file's configuration."""

    layer: Layer = Layer()
    per_file_ignores: tuple[PerFileIgnore, ...] = ()


@dataclass
class FileResult:
    display: str
    path: str
    findings: list[Finding] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # kept only when there are findings
    noqa_rows: list[int] = field(default_factory=list)  # per finding
    warning: str | None = None  # unreadable or unparseable: one line for stderr


def decode_source(data: bytes) -> tuple[list[str], str]:
    """The file's lines as flake8 reads them, and the encoding to write them back with: the coding
    cookie or UTF-8 ('utf-8-sig' when a BOM starts the file; the BOM is not in the lines), and
    latin-1 when that fails (which gives the same bytes back)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, UnicodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    if text.startswith("\ufeff"):
        text = text[1:]
    return split_lines(text), encoding


def split_lines(text: str) -> list[str]:
    """Lines split where Python's tokenizer splits them, each keeping its own ending ('\r\n'
    stays), so fixes write them back unchanged."""
    return io.StringIO(text, newline="").readlines()


def decode(data: bytes) -> list[str]:
    return decode_source(data)[0]


def lint_target(target: Target, options: Options, data: bytes | None = None) -> FileResult:
    """One file (``data``: its bytes from stdin)."""
    result = FileResult(target.display, target.path)
    if data is None:
        try:
            with open(target.path, "rb") as handle:
                data = handle.read()
        except OSError as exc:
            result.warning = f"{target.display}: cannot read: {exc.strerror or exc}"
            return result
    return lint_lines(target, options, decode(data))


def lint_lines(target: Target, options: Options, lines: list[str]) -> FileResult:
    """One file's decoded lines (the editor's buffer, a file being fixed)."""
    result = FileResult(target.display, target.path)
    source = "".join(lines)
    config = target.config
    if may_skip_file(source) and file_skipped(lines):
        return result
    # the rules run as flake8 runs them (select/ignore); per-file-ignores filter afterwards, as in
    # flake8, so a rule that yields to another (DBS008 over DBS006) yields the same way
    codes = enabled_codes(config.layer, options.layer)
    muted = tuple(code for rule in config.per_file_ignores + options.per_file_ignores
                  if rule.applies_to(target.path) for code in rule.codes)
    if not codes or (muted and all(code.startswith(muted) for code in codes)):
        return result
    if not worth_linting(source, config.settings):
        return result
    try:
        tree = ast.parse(source, filename=target.display)
        findings = analyze(tree, target.path, config.settings, codes, lines=lines)
    except (SyntaxError, ValueError) as exc:  # ValueError: NUL bytes on 3.11
        line = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        result.warning = f"{target.display}: cannot parse: {getattr(exc, 'msg', None) or exc}{line}"
        return result
    except (RecursionError, MemoryError):
        result.warning = f"{target.display}: cannot parse: too deeply nested for Python's parser"
        return result
    except Exception as exc:  # noqa: BLE001 - a bug of ours must not cost the other files their findings
        result.warning = (f"{target.display}: internal error, file skipped ({type(exc).__name__}: {exc}); "
                          f"please report it")
        return result
    if not findings:
        return result
    findings = [f for f in findings if not (muted and f.code.startswith(muted))]
    if not findings:
        return result
    suppressions = Suppressions(lines)
    kept = sorted((f for f in findings if not suppressions.suppressed(f.code, f.line)),
                  key=lambda f: (f.line, f.col, f.code))
    if kept:
        result.findings = kept
        result.lines = lines
        result.noqa_rows = [suppressions.noqa_row(f.line) for f in kept]
    return result


def _chunk(work, chunk: list[Target], options: Options) -> list:
    return [work(target, options) for target in chunk]


def lint_all(targets: list[Target], options: Options, jobs: int, work=lint_target) -> list:
    """``work(target, options)`` for every target (default: lint it), in the order given (sorted
    by the caller)."""
    if jobs <= 1 or len(targets) < _SERIAL_BELOW:
        return [work(target, options) for target in targets]
    # chunks of neighbouring files share their project's index and resolved modules in one worker
    size = max(4, len(targets) // (jobs * 4))
    chunks = [targets[i:i + size] for i in range(0, len(targets), size)]
    method = "fork" if sys.platform.startswith("linux") else None
    with ProcessPoolExecutor(max_workers=jobs, mp_context=get_context(method)) as pool:
        results = pool.map(_chunk, [work] * len(chunks), chunks, [options] * len(chunks))
        return [result for chunk in results for result in chunk]


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)
