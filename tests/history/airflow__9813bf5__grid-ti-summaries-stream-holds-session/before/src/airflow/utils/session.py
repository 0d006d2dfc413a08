# Reduced from apache/airflow, airflow-core/src/airflow/utils/session.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
from __future__ import annotations

import contextlib
from collections.abc import Generator
from typing import TYPE_CHECKING

from airflow import settings

if TYPE_CHECKING:
    from sqlalchemy.orm import Session as SASession


@contextlib.contextmanager
def create_session(scoped: bool = True) -> Generator[SASession, None, None]:
    """Contextmanager that will create and teardown a session."""
    if scoped:
        Session = getattr(settings, "Session", None)
    else:
        Session = getattr(settings, "NonScopedSession", None)
    if Session is None:
        raise RuntimeError("Session must be set before!")
    session = Session()
    try:
        yield session
        session.commit()
    except Exception:
        session.rollback()
        raise
    finally:
        session.close()
