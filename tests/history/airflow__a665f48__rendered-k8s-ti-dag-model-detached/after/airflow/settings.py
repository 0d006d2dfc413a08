# From apache/airflow, airflow/settings.py (fix a665f48b606065977e0d3952bc74635ce11726d1; before/ is its parent), reduced.
import logging
from typing import Callable

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine
from sqlalchemy.orm import scoped_session, sessionmaker
from sqlalchemy.orm.session import Session as SASession

from airflow.configuration import conf

log = logging.getLogger(__name__)

SQL_ALCHEMY_CONN = conf.get('core', 'SQL_ALCHEMY_CONN')

engine: Engine
Session: Callable[..., SASession]


def pod_mutation_hook(pod):
    """
    This setting allows altering ``kubernetes.client.models.V1Pod`` object
    before they are passed to the Kubernetes client for scheduling.
    """


def configure_orm(disable_connection_pool=False):
    """Configure ORM using SQLAlchemy"""
    global engine
    global Session

    engine = create_engine(SQL_ALCHEMY_CONN)

    Session = scoped_session(
        sessionmaker(
            autocommit=False,
            autoflush=False,
            bind=engine,
            expire_on_commit=False,
        )
    )


# Determines if the executor utilizes Kubernetes
IS_K8S_OR_K8SCELERY_EXECUTOR = conf.get('core', 'EXECUTOR') in {
    "KubernetesExecutor",
    "CeleryKubernetesExecutor",
}
