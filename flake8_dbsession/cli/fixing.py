"""``check --fix`` / ``--diff``: apply the findings' fixes without losing a byte of anything else.

Per file: lint, apply every applicable fix that does not overlap an earlier one in one pass, lint
the new text again, until nothing applies (at most ``_ROUNDS`` passes). An edit is applied only
where the text still says what the fix expects; a pass whose result does not parse is retried fix
by fix, keeping only those after which the file still parses. The file is written once, at the
end: to a temporary file in the same folder (its permissions copied), then renamed over the
original, in the original encoding, BOM and line endings; not at all if the file changed on disk
since it was read.
"""
from __future__ import annotations

import ast
import difflib
import os
import shutil
import tempfile
from dataclasses import dataclass, field

from flake8_dbsession.cli.files import Target
from flake8_dbsession.cli.lint import FileResult, Options, decode_source, lint_lines, split_lines
from flake8_dbsession.findings import char_index
from flake8_dbsession.fixes import Fix

_ROUNDS = 10


@dataclass
class FixResult:
    result: FileResult  # what remains after the fixes
    fixed: int = 0  # findings repaired
    original: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)  # the fixed source (== original when nothing changed)
    written: bool = False

    @property
    def changed(self) -> bool:
        return self.lines != self.original

    def diff(self) -> str:
        name = self.result.display
        return "".join(difflib.unified_diff(self.original, self.lines, fromfile=name, tofile=name))


def _offsets(lines: list[str]) -> list[int]:
    starts, total = [], 0
    for line in lines:
        starts.append(total)
        total += len(line)
    return starts


def _position(lines: list[str], starts: list[int], line: int, col: int) -> int | None:
    """An ``ast`` position (line 1-based, column in UTF-8 bytes) as an offset into the text."""
    if not 1 <= line <= len(lines):
        return None
    index = char_index(lines[line - 1], col, strict=True)  # None: not a position this text has
    return None if index is None else starts[line - 1] + index


def _spans(lines: list[str], starts: list[int], text: str, fix: Fix) -> list[tuple[int, int, str]] | None:
    spans = []
    for edit in fix.edits:
        start = _position(lines, starts, edit.line, edit.col)
        end = _position(lines, starts, edit.end_line, edit.end_col)
        if start is None or end is None or end < start or text[start:end] != edit.expected:
            return None
        spans.append((start, end, edit.text))
    return spans


def _apply(text: str, spans: list[tuple[int, int, str]]) -> str:
    for start, end, new in sorted(set(spans), reverse=True):
        text = text[:start] + new + text[end:]
    return text


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def apply_fixes(lines: list[str], fixes: list[Fix]) -> tuple[list[str], int]:
    """The lines with the fixes applied (one pass), and how many fixes were applied. Two findings
    may share one fix (every item of one ``with``): an edit both make is applied once."""
    text = "".join(lines)
    starts = _offsets(lines)
    accepted: list[list[tuple[int, int, str]]] = []
    taken: list[tuple[int, int, str]] = []
    for fix in fixes:
        spans = _spans(lines, starts, text, fix)
        if spans is None:
            continue
        if any(span not in taken and _overlaps(span, other) for span in spans for other in taken):
            continue
        accepted.append(spans)
        taken += [span for span in spans if span not in taken]
    if not accepted:
        return lines, 0
    new = _apply(text, taken)
    if not _parses(new):  # one of them breaks the file: keep those that do not, one at a time
        taken, count = [], 0
        for spans in accepted:
            trial = taken + [span for span in spans if span not in taken]
            if _parses(_apply(text, trial)):
                taken, count = trial, count + 1
        new = _apply(text, taken)
    else:
        count = len(accepted)
    return split_lines(new), count


def _overlaps(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
    """Two edits touch the same text (two insertions at one point count: their order matters)."""
    return a[0] < b[1] and b[0] < a[1] or a[0] == b[0] or (a[0] == a[1] and b[0] < a[0] < b[1]) \
        or (b[0] == b[1] and a[0] < b[0] < a[1])


def fix_lines(target: Target, options: Options, lines: list[str], unsafe: bool) -> tuple[list[str], FileResult, int]:
    """Fix until nothing applies: (fixed lines, the findings that remain, findings fixed)."""
    fixed = 0
    result = lint_lines(target, options, lines)
    for _ in range(_ROUNDS):
        fixes = [f.fix for f in result.findings if f.fix is not None and (f.fix.safe or unsafe)]
        if not fixes:
            break
        new, count = apply_fixes(lines, fixes)
        if not count:
            break
        fixed += count
        lines = new
        result = lint_lines(target, options, lines)
    return lines, result, fixed


def fix_target(target: Target, options: Options, unsafe: bool = False, write: bool = True) -> FixResult:
    """Fix one file on disk (``write=False``: only compute the fixed text, for ``--diff``)."""
    try:
        with open(target.path, "rb") as handle:
            data = handle.read()
    except OSError as exc:
        return FixResult(FileResult(target.display, target.path,
                                    warning=f"{target.display}: cannot read: {exc.strerror or exc}"))
    original, encoding = decode_source(data)
    lines, result, fixed = fix_lines(target, options, original, unsafe)
    outcome = FixResult(result, fixed, original, lines)
    if write and outcome.changed:
        warning = _write(target.path, data, "".join(lines), encoding)
        if warning:
            outcome.fixed = 0
            outcome.result = lint_lines(target, options, original)
            outcome.result.warning = f"{target.display}: {warning}"
        else:
            outcome.written = True
    return outcome


def _write(path: str, read: bytes, text: str, encoding: str) -> str | None:
    """Write atomically; None when written, else why not."""
    try:
        new = text.encode(encoding)
    except (UnicodeError, LookupError):
        return "not fixed: the fixed text cannot be written in the file's encoding"
    if read.startswith(b"\xef\xbb\xbf") and not new.startswith(b"\xef\xbb\xbf"):
        new = b"\xef\xbb\xbf" + new
    folder = os.path.dirname(path) or "."
    try:
        with open(path, "rb") as handle:
            if handle.read() != read:
                return "not fixed: the file changed on disk while it was being fixed"
        handle_fd, temporary = tempfile.mkstemp(prefix=".flake8-dbsession-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle_fd, "wb") as out:
                out.write(new)
            shutil.copymode(path, temporary)
            os.replace(temporary, path)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
    except OSError as exc:
        return f"not fixed: cannot write: {exc.strerror or exc}"
    return None
