# From Agenta-AI/agenta, api/ee/src/main.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent), reduced to the events DAO wiring.
from fastapi import FastAPI

from oss.src.utils.logging import get_module_logger

from oss.src.dbs.postgres.shared.engine import (
    get_transactions_engine,
    get_analytics_engine,
)

from ee.src.dbs.postgres.events.dao import EventsDAO


# DBS --------------------------------------------------------------------------

# Get engines from shared initialization (instantiated in routers.py)
_transactions_engine = get_transactions_engine()
_analytics_engine = get_analytics_engine()

events_dao = EventsDAO()


log = get_module_logger(__name__)


def extend_main(app: FastAPI):
    return app
