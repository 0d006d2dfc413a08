"""Finding: one reported problem, independent of the front end that prints it."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flake8_dbsession.fixes import Fix


@dataclass(frozen=True, order=True)
class Related:
    """One step of a cross-function finding's evidence: where (``path``, ``line``, 0-based ``col``
    in UTF-8 bytes as ``ast`` gives it) and what happens there (``note``)."""

    path: str
    line: int
    col: int
    note: str


@dataclass(frozen=True, order=True)
class Finding:
    line: int
    col: int  # 0-based, as flake8 expects
    code: str
    message: str  # without the code
    end_line: int = 0  # where the reported node ends (0: unknown); the standalone's ranges
    end_col: int = 0  # 0-based, exclusive
    fix: Fix | None = field(default=None, compare=False)  # the edits that repair it, when known
    # the path of a finding whose cause lies in other functions (decision 10 of the catalog):
    # printed as JSON ``related``, SARIF ``relatedLocations``, LSP ``relatedInformation``
    related: tuple[Related, ...] = field(default=(), compare=False)

    @property
    def text(self) -> str:
        return f"{self.code} {self.message}"


def char_index(line: str, col: int, strict: bool = False) -> int | None:
    """``col``, a 0-based ``ast`` column (UTF-8 bytes), as a 0-based index into ``line``.
    ``strict``: None when ``col`` is past the line or inside a character (a fix made for other
    text); otherwise such a column is clamped to the character before it."""
    raw = line.encode("utf-8")
    if strict and col > len(raw):
        return None
    try:
        return len(raw[:col].decode("utf-8", errors="strict" if strict else "ignore"))
    except UnicodeDecodeError:
        return None


def source_text(node: ast.AST, limit: int = 60) -> str:
    """Short source text of an expression for messages."""
    try:
        text = ast.unparse(node)
    except (RecursionError, ValueError, AttributeError):
        return "..."
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
