"""Finding: one reported problem, independent of the front end that prints it."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flake8_dbsession.fixes import Fix


@dataclass(frozen=True, order=True)
class Finding:
    line: int
    col: int  # 0-based, as flake8 expects
    code: str
    message: str  # without the code
    end_line: int = 0  # where the reported node ends (0: unknown); the standalone's ranges
    end_col: int = 0  # 0-based, exclusive
    fix: Fix | None = field(default=None, compare=False)  # the edits that repair it, when known

    @property
    def text(self) -> str:
        return f"{self.code} {self.message}"


def source_text(node: ast.AST, limit: int = 60) -> str:
    """Short source text of an expression for messages."""
    try:
        text = ast.unparse(node)
    except (RecursionError, ValueError, AttributeError):
        return "..."
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3] + "..."
