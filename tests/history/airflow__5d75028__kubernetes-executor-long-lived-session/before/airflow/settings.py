# From apache/airflow, airflow/settings.py at 327860fe4f04934750a80d39d8e1498398eebf69 (parent of the fix), reduced.
from __future__ import absolute_import
from __future__ import division
from __future__ import print_function
from __future__ import unicode_literals

import logging
import os

from sqlalchemy import create_engine
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy.pool import NullPool

from airflow import configuration as conf

log = logging.getLogger(__name__)

SQL_ALCHEMY_CONN = conf.get('core', 'SQL_ALCHEMY_CONN')

engine = None
Session = None


def configure_orm(disable_connection_pool=False):
    log.debug("Setting up DB connection pool (PID %s)" % os.getpid())
    global engine
    global Session
    engine_args = {}

    if disable_connection_pool:
        engine_args['poolclass'] = NullPool
        log.debug("settings.configure_orm(): Using NullPool")

    engine = create_engine(SQL_ALCHEMY_CONN, **engine_args)

    Session = scoped_session(
        sessionmaker(autocommit=False,
                     autoflush=False,
                     bind=engine,
                     expire_on_commit=False))


configure_orm()
