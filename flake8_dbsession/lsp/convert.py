"""Findings and fixes as LSP objects. Positions: the rules speak ``ast`` (line 1-based, column in
UTF-8 bytes); LSP speaks 0-based lines and the negotiated encoding (UTF-16 by default), which the
document's position codec converts from code points."""
from __future__ import annotations

import linecache
import os
from pathlib import Path

from lsprotocol import types

from flake8_dbsession.catalog import rule_info
from flake8_dbsession.cli.noqa import NOQA_INLINE
from flake8_dbsession.findings import Finding, char_index
from flake8_dbsession.fixes import Fix

SOURCE = "flake8-dbsession"


def _point(lines: list[str], line: int, col: int) -> types.Position:
    """An ``ast`` position in code points (what pygls's codec converts from)."""
    text = lines[line - 1] if 0 < line <= len(lines) else ""
    return types.Position(line=max(0, line - 1), character=char_index(text, col))


def finding_range(document, lines: list[str], finding: Finding) -> types.Range:
    start = _point(lines, finding.line, finding.col)
    end = _point(lines, finding.end_line, finding.end_col) if finding.end_line else start
    if finding.end_line and finding.end_line != finding.line:  # a statement: underline its first line
        end = types.Position(line=start.line, character=len(lines[finding.line - 1].rstrip("\r\n")))
    return document.range_to_client_units(types.Range(start=start, end=end))


def diagnostic(document, lines: list[str], finding: Finding) -> types.Diagnostic:
    info = rule_info(finding.code)
    return types.Diagnostic(
        range=finding_range(document, lines, finding),
        message=finding.message,
        severity=types.DiagnosticSeverity.Warning,
        code=finding.code,
        code_description=types.CodeDescription(href=info.url) if info else None,
        source=SOURCE,
        related_information=_related(document, lines, finding) or None,
    )


def _related(document, lines: list[str], finding: Finding) -> list[types.DiagnosticRelatedInformation]:
    """The steps of a cross-function finding: in this buffer through its codec, in other files
    from their text on disk."""
    out = []
    own = to_path(document.uri)
    for step in finding.related:
        if own is not None and os.path.abspath(step.path) == own:
            uri, point = document.uri, document.position_to_client_units(_point(lines, step.line, step.col))
        else:
            text = linecache.getline(step.path, step.line)
            uri = Path(step.path).resolve().as_uri()
            point = types.Position(line=max(0, step.line - 1), character=char_index(text, step.col))
        out.append(types.DiagnosticRelatedInformation(
            location=types.Location(uri=uri, range=types.Range(start=point, end=point)), message=step.note))
    return out


def to_path(uri: str) -> str | None:
    if not uri.startswith("file:"):
        return None
    from pygls.uris import to_fs_path
    path = to_fs_path(uri)
    return os.path.abspath(path) if path else None


def text_edits(document, lines: list[str], fix: Fix) -> list[types.TextEdit]:
    return [types.TextEdit(range=document.range_to_client_units(types.Range(
        start=_point(lines, e.line, e.col), end=_point(lines, e.end_line, e.end_col))), new_text=e.text)
        for e in fix.edits]


def noqa_edit(document, lines: list[str], code: str, row: int) -> types.TextEdit:
    """``  # noqa: DBS005`` at the end of the line, or the code added to the line's own
    ``# noqa: X`` comment."""
    text = lines[row - 1].rstrip("\r\n") if 0 < row <= len(lines) else ""
    existing = NOQA_INLINE.search(text)
    if existing is not None and existing.group("codes") is not None:  # flake8's reading of the comment
        at, new = existing.start("codes") + len(existing.group("codes").rstrip(", \t")), f", {code}"
    else:
        at, new = len(text), f"  # noqa: {code}"
    point = types.Position(line=row - 1, character=at)
    return types.TextEdit(range=document.range_to_client_units(types.Range(start=point, end=point)), new_text=new)
