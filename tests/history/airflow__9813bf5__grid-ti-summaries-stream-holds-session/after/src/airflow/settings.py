# Reduced from apache/airflow, airflow-core/src/airflow/settings.py, at 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8 (the fix).
from __future__ import annotations

import os

from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker

SQL_ALCHEMY_CONN = os.environ.get("AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", "sqlite:////tmp/airflow.db")

engine = None
Session = None
NonScopedSession = None


def configure_orm() -> None:
    global engine
    global Session
    global NonScopedSession
    engine = create_engine(SQL_ALCHEMY_CONN, pool_size=5, max_overflow=10, pool_pre_ping=True)
    NonScopedSession = sessionmaker(autocommit=False, autoflush=False, bind=engine, expire_on_commit=False)
    Session = scoped_session(NonScopedSession)


configure_orm()
