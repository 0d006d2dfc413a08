# Reduced from apache/airflow, airflow-core/src/airflow/api_fastapi/common/db/common.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
"""
Database helpers for Airflow REST API.

:meta private:
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Annotated

from fastapi import Depends
from sqlalchemy.orm import Session

from airflow.utils.session import create_session


def _get_session() -> Generator[Session, None, None]:
    with create_session(scoped=False) as session:
        yield session


SessionDep = Annotated[Session, Depends(_get_session, scope="function")]
