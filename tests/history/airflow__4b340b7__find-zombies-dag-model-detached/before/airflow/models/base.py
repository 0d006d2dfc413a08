# From apache/airflow, airflow/models/base.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

from typing import Any

from sqlalchemy import MetaData, String
from sqlalchemy.ext.declarative import declarative_base

from airflow.configuration import conf

SQL_ALCHEMY_SCHEMA = conf.get("database", "SQL_ALCHEMY_SCHEMA")


def _get_schema():
    if not SQL_ALCHEMY_SCHEMA or SQL_ALCHEMY_SCHEMA.isspace():
        return None
    return SQL_ALCHEMY_SCHEMA


metadata = MetaData(schema=_get_schema())

Base: Any = declarative_base(metadata=metadata)

ID_LEN = 250


def StringID(*, length=ID_LEN, **kwargs) -> String:
    return String(length=length, **kwargs)
