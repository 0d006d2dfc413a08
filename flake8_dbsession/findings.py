"""Finding: one reported problem, independent of the front end that prints it."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Finding:
    line: int
    col: int  # 0-based, as flake8 expects
    code: str
    message: str  # without the code

    @property
    def text(self) -> str:
        return f"{self.code} {self.message}"
