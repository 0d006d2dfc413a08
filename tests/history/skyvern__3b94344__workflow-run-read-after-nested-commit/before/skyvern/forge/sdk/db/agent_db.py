# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/agent_db.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from typing import Any

from sqlalchemy import pool
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from skyvern.forge.sdk.db.base_alchemy_db import BaseAlchemyDB
from skyvern.forge.sdk.db.repositories.artifacts import ArtifactsRepository
from skyvern.forge.sdk.db.repositories.workflow_runs import WorkflowRunsRepository


def _build_engine(database_string: str) -> AsyncEngine:
    if database_string.startswith("sqlite"):
        engine_kwargs: dict[str, Any] = {}
        if ":memory:" in database_string:
            engine_kwargs["poolclass"] = pool.StaticPool
            engine_kwargs["connect_args"] = {"check_same_thread": False}
        return create_async_engine(database_string, **engine_kwargs)

    return create_async_engine(
        database_string,
        pool_pre_ping=True,
    )


__all__ = ["AgentDB"]


class AgentDB(BaseAlchemyDB):
    def __init__(self, database_string: str, debug_enabled: bool = False, db_engine: AsyncEngine | None = None) -> None:
        super().__init__(db_engine or _build_engine(database_string))
        self.debug_enabled = debug_enabled

        self.workflow_runs = WorkflowRunsRepository(
            self.Session,
            debug_enabled,
            self.is_retryable_error,
        )

        # -- Cross-dependency repositories --
        self.artifacts = ArtifactsRepository(
            self.Session,
            debug_enabled,
            self.is_retryable_error,
        )

    def is_retryable_error(self, error: SQLAlchemyError) -> bool:
        error_msg = str(error).lower()
        return "server closed the connection" in error_msg
