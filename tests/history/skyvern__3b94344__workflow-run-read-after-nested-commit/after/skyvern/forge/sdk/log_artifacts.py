# From Skyvern-AI/skyvern, skyvern/forge/sdk/log_artifacts.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
import json

import structlog

from skyvern.config import settings
from skyvern.forge import app
from skyvern.forge.sdk.artifact.models import ArtifactType, LogEntityType
from skyvern.forge.sdk.core import skyvern_context

LOG = structlog.get_logger()


async def save_workflow_run_logs(workflow_run_id: str) -> None:
    if not settings.ENABLE_LOG_ARTIFACTS:
        return

    # This function is called from ``update_workflow_run`` in the DB layer, which
    # can be invoked from cleanup paths that don't carry a skyvern_context (e.g.
    # the Temporal timeout activity). The in-memory log buffer lives on the
    # context, so without one there's nothing to flush — degrade to a no-op
    # instead of crashing the surrounding DB update. Kept at debug because
    # Temporal cleanup is a known routine caller; warning would be steady noise.
    context = skyvern_context.current()
    if context is None:
        LOG.debug(
            "No skyvern context available, skipping workflow run log save",
            workflow_run_id=workflow_run_id,
        )
        return

    log = context.log
    organization_id = context.organization_id

    current_workflow_run_log = [entry for entry in log if entry.get("workflow_run_id", "") == workflow_run_id]

    await _save_log_artifacts(
        log=current_workflow_run_log,
        log_entity_type=LogEntityType.WORKFLOW_RUN,
        log_entity_id=workflow_run_id,
        organization_id=organization_id,
        workflow_run_id=workflow_run_id,
    )


async def _save_log_artifacts(
    *,
    log: list[dict],
    log_entity_type: LogEntityType,
    log_entity_id: str,
    organization_id: str | None = None,
    workflow_run_id: str | None = None,
) -> None:
    try:
        if not settings.ENABLE_LOG_ARTIFACTS:
            return
        if not organization_id:
            LOG.error(
                "Organization ID is required to save log artifacts",
                log_entity_type=log_entity_type,
                log_entity_id=log_entity_id,
            )
            return
        log_json = json.dumps(log, indent=2)

        await app.ARTIFACT_MANAGER.create_log_artifact(
            organization_id=organization_id,
            workflow_run_id=workflow_run_id,
            log_entity_type=log_entity_type,
            log_entity_id=log_entity_id,
            artifact_type=ArtifactType.SKYVERN_LOG_RAW,
            data=log_json.encode(),
        )
    except Exception:
        LOG.error(
            "Failed to save log artifacts",
            log_entity_type=log_entity_type,
            log_entity_id=log_entity_id,
            exc_info=True,
        )
