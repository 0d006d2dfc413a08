"""The rules. Importing this package registers every rule module."""

from flake8_dbsession.rules import (  # noqa: F401 - registration
    async_api, blocking, concurrency, construction, event_loops, handoffs, held_connections, imports, lifecycle,
    orm_loading, policy)
from flake8_dbsession.rules.base import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule"]
