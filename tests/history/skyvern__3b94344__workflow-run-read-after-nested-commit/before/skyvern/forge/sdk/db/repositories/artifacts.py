# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/repositories/artifacts.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from sqlalchemy.exc import SQLAlchemyError

from skyvern.forge.sdk.artifact.models import Artifact
from skyvern.forge.sdk.db._error_handling import db_operation
from skyvern.forge.sdk.db.base_repository import BaseRepository
from skyvern.forge.sdk.db.models import ArtifactModel
from skyvern.forge.sdk.db.utils import convert_to_artifact

if TYPE_CHECKING:
    from skyvern.forge.sdk.db.base_alchemy_db import _SessionFactory


class ArtifactsRepository(BaseRepository):
    """Database operations for artifact management."""

    def __init__(
        self,
        session_factory: _SessionFactory,
        debug_enabled: bool = False,
        is_retryable_error_fn: Callable[[SQLAlchemyError], bool] | None = None,
    ) -> None:
        super().__init__(session_factory, debug_enabled, is_retryable_error_fn)

    @db_operation("create_artifact")
    async def create_artifact(
        self,
        artifact_id: str,
        artifact_type: str,
        uri: str,
        organization_id: str,
        step_id: str | None = None,
        task_id: str | None = None,
        workflow_run_id: str | None = None,
        file_size: int | None = None,
    ) -> Artifact:
        async with self.Session() as session:
            new_artifact = ArtifactModel(
                artifact_id=artifact_id,
                artifact_type=artifact_type,
                uri=uri,
                task_id=task_id,
                step_id=step_id,
                workflow_run_id=workflow_run_id,
                organization_id=organization_id,
                file_size=file_size,
            )
            session.add(new_artifact)
            await session.commit()
            await session.refresh(new_artifact)
            return convert_to_artifact(new_artifact, self.debug_enabled)
