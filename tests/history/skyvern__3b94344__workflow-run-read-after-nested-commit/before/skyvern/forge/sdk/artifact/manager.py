# From Skyvern-AI/skyvern, skyvern/forge/sdk/artifact/manager.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from skyvern.forge import app
from skyvern.forge.sdk.artifact.models import ArtifactType, LogEntityType
from skyvern.forge.sdk.db.id import generate_artifact_id


class ArtifactManager:
    async def create_log_artifact(
        self,
        *,
        log_entity_type: LogEntityType,
        log_entity_id: str,
        artifact_type: ArtifactType,
        organization_id: str,
        workflow_run_id: str | None = None,
        data: bytes | None = None,
    ) -> str:
        artifact_id = generate_artifact_id()
        uri = f"file://artifacts/logs/{log_entity_type}/{log_entity_id}/{artifact_type}"
        return await self._create_artifact(
            artifact_id=artifact_id,
            artifact_type=artifact_type,
            uri=uri,
            workflow_run_id=workflow_run_id,
            organization_id=organization_id,
            file_size=len(data) if data is not None else None,
        )

    async def _create_artifact(
        self,
        artifact_id: str,
        artifact_type: ArtifactType,
        uri: str,
        organization_id: str,
        workflow_run_id: str | None = None,
        file_size: int | None = None,
    ) -> str:
        artifact = await app.DATABASE.artifacts.create_artifact(
            artifact_id,
            artifact_type,
            uri,
            workflow_run_id=workflow_run_id,
            organization_id=organization_id,
            file_size=file_size,
        )
        return artifact.artifact_id
