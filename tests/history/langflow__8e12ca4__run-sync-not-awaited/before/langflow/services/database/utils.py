# Reduced from langflow-ai/langflow, src/backend/base/langflow/services/database/utils.py, at f49feef92b62304b233cd3d5aaf5a055f2b44c5d (parent of fix 8e12ca469fa7b5736b04ce72f83b8abf7ff2388e).
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
