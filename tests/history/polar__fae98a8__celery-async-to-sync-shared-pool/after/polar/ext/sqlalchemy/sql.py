# From polarsource/polar, server/polar/ext/sqlalchemy/sql.py (fix fae98a817082988fd746cef588a3060becbeb37e; before/ is its parent), reduced.
from sqlalchemy.dialects import postgresql
from sqlalchemy.sql import Select, select

Insert = postgresql.Insert
insert = postgresql.insert

__all__ = [
    "Select",
    "select",
    "Insert",
    "insert",
]
