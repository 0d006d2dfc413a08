# From apache/airflow, airflow/settings.py (fix 4b340b7561e9db0055bf69ad0fc8b3a508ea7667; before/ is its parent), reduced.
from __future__ import annotations

import logging
from typing import Callable

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy.orm.session import Session as SASession

from airflow.configuration import conf

log = logging.getLogger(__name__)

SQL_ALCHEMY_CONN = conf.get("database", "SQL_ALCHEMY_CONN")

engine: Engine
Session: Callable[..., SASession]


def configure_orm(disable_connection_pool=False, pool_class=None):
    """Configure ORM using SQLAlchemy"""
    global engine
    global Session

    engine = create_engine(SQL_ALCHEMY_CONN, future=True)

    Session = scoped_session(
        sessionmaker(
            autocommit=False,
            autoflush=False,
            bind=engine,
            expire_on_commit=False,
        )
    )
