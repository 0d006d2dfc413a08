"""Suppression comments, read exactly as flake8 7 reads them, plus Ruff's file-level form.

- ``# noqa`` silences every code on its line; ``# noqa: DBS005`` / ``# noqa:DBS005,DBS006`` the codes
  named, matched as flake8 matches them (a code, or a prefix of it: ``# noqa: DBS`` silences all).
  When the codes after ``# noqa:`` cannot be read (``# noqa DBS005``, ``# noqa :DBS005``) flake8
  falls back to a blanket ``# noqa``, and so does this module. ``#noqa`` without a space is not a
  suppression for flake8, so not here either.
- A comment on any line of a token that spans lines (a triple-quoted string) covers all its lines,
  as flake8's ``noqa_line_for`` does.
- ``# flake8: noqa`` on a line of its own skips the whole file, with or without codes after it
  (flake8 ignores the codes there, and so results stay the same under both front ends).
- ``# ruff: noqa`` on a line of its own skips the file; ``# ruff: noqa: DBS005`` skips only those
  codes in the file. flake8 does not know this comment: with it, the two front ends differ.
"""
from __future__ import annotations

import io
import re
import tokenize

# flake8/defaults.py (7.x): NOQA_INLINE_REGEXP and NOQA_FILE; tests/test_cli_noqa.py checks they match
NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.I)
RUFF_FILE = re.compile(r"\s*#\s*ruff\s*:\s*noqa(?P<rest>.*)", re.I)
_RUFF_CODES = re.compile(r"\s*:\s*(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*)", re.I)
_SEPARATORS = re.compile(r"[,\s]+")


def _codes(text: str) -> tuple[str, ...]:
    return tuple(code for code in _SEPARATORS.split(text) if code)


def _matches(code: str, codes: tuple[str, ...]) -> bool:
    return code in codes or code.startswith(codes)


def file_skipped(lines: list[str]) -> bool:
    """``# flake8: noqa`` or a bare ``# ruff: noqa`` on a line of its own: nothing in the file counts."""
    for line in lines:
        if NOQA_FILE.match(line):
            return True
        ruff = RUFF_FILE.match(line)
        if ruff is not None and not _RUFF_CODES.match(ruff.group("rest")):
            return True
    return False


def may_skip_file(source: str) -> bool:
    """Cheap text test before :func:`file_skipped` reads every line."""
    lowered = source.lower()
    return "flake8" in lowered and "noqa" in lowered or "ruff" in lowered and "noqa" in lowered


class Suppressions:
    """The noqa comments of one file that has findings (tokenized only then)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        self._ranges: dict[int, tuple[int, int]] | None = None
        self.file_codes: tuple[str, ...] = ()
        for line in lines:
            ruff = RUFF_FILE.match(line)
            codes = _RUFF_CODES.match(ruff.group("rest")) if ruff is not None else None
            if codes is not None:
                self.file_codes += _codes(codes.group("codes"))

    def _range(self, row: int) -> tuple[int, int]:
        """The first and last line of the multi-line token (or line) holding ``row``."""
        if self._ranges is None:
            self._ranges = _line_ranges(self.lines)
        return self._ranges.get(row, (row, row))

    def noqa_row(self, row: int) -> int:
        """The line a ``# noqa`` for a finding on ``row`` belongs on (Ruff's ``noqa_row``)."""
        return self._range(row)[1]

    def suppressed(self, code: str, row: int) -> bool:
        if self.file_codes and _matches(code, self.file_codes):
            return True
        first, last = self._range(row)
        text = "".join(self.lines[first - 1:last])
        match = NOQA_INLINE.search(text)
        if match is None:
            return False
        codes = match.group("codes")
        return codes is None or _matches(code, _codes(codes))


def _line_ranges(lines: list[str]) -> dict[int, tuple[int, int]]:
    """flake8's ``_noqa_line_mapping``: lines between two NL/NEWLINE tokens share one range."""
    ranges: dict[int, tuple[int, int]] = {}
    first, last = len(lines) + 2, -1
    try:
        for token in tokenize.generate_tokens(io.StringIO("".join(lines)).readline):
            if token.type in (tokenize.ENDMARKER, tokenize.DEDENT):
                continue
            first, last = min(first, token.start[0]), max(last, token.end[0])
            if token.type in (tokenize.NL, tokenize.NEWLINE):
                if last > first:
                    ranges.update(dict.fromkeys(range(first, last + 1), (first, last)))
                first, last = len(lines) + 2, -1
    except (tokenize.TokenError, SyntaxError):
        return {}
    return ranges
