# From polarsource/polar, server/polar/kit/extensions/sqlalchemy/sql.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert

__all__ = ["select", "update", "insert"]
