"""The rules. Importing this package registers every rule module."""

from flake8_dbsession.rules import async_api, blocking, construction, imports, lifecycle  # noqa: F401
from flake8_dbsession.rules.base import REGISTRY, Rule

__all__ = ["REGISTRY", "Rule"]
