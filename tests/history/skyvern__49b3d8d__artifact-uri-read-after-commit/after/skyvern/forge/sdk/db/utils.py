# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/utils.py (fix 49b3d8d72c2459037d444da63fbc0af495b935fc; before/ is its parent), reduced.
import structlog

from skyvern.forge.sdk.artifact.models import Artifact, ArtifactType
from skyvern.forge.sdk.db.models import ArtifactModel

LOG = structlog.get_logger()


def convert_to_artifact(artifact_model: ArtifactModel, debug_enabled: bool = False) -> Artifact:
    if debug_enabled:
        LOG.debug(
            "Converting ArtifactModel to Artifact",
            artifact_id=artifact_model.artifact_id,
        )

    return Artifact(
        artifact_id=artifact_model.artifact_id,
        artifact_type=ArtifactType[artifact_model.artifact_type.upper()],
        uri=artifact_model.uri,
        bundle_key=artifact_model.bundle_key,
        checksum=artifact_model.checksum,
        file_size=artifact_model.file_size,
        task_id=artifact_model.task_id,
        step_id=artifact_model.step_id,
        workflow_run_id=artifact_model.workflow_run_id,
        workflow_run_block_id=artifact_model.workflow_run_block_id,
        run_id=artifact_model.run_id,
        browser_session_id=artifact_model.browser_session_id,
        observer_cruise_id=artifact_model.observer_cruise_id,
        observer_thought_id=artifact_model.observer_thought_id,
        created_at=artifact_model.created_at,
        modified_at=artifact_model.modified_at,
        organization_id=artifact_model.organization_id,
    )
