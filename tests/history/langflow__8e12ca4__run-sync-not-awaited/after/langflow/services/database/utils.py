# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/utils.py, at 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e (the fix).
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Result:
    name: str
    type: str
    success: bool


@dataclass
class TableResults:
    table_name: str
    results: list[Result]
