# From Skyvern-AI/skyvern, skyvern/forge/sdk/db/repositories/workflow_runs.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from __future__ import annotations

from typing import Any

import structlog
from sqlalchemy import func, select, update

from skyvern.forge.sdk.db._error_handling import db_operation
from skyvern.forge.sdk.db.base_repository import BaseRepository
from skyvern.forge.sdk.db.datetime_utils import naive_utc_now
from skyvern.forge.sdk.db.models import WorkflowRunModel
from skyvern.forge.sdk.db.utils import convert_to_workflow_run
from skyvern.forge.sdk.log_artifacts import save_workflow_run_logs
from skyvern.forge.sdk.workflow.models.workflow import WorkflowRun, WorkflowRunStatus

LOG = structlog.get_logger()


class WorkflowRunsRepository(BaseRepository):
    @db_operation("update_workflow_run_if_not_final")
    async def update_workflow_run_if_not_final(
        self,
        workflow_run_id: str,
        status: WorkflowRunStatus,
        failure_reason: str | None = None,
        run_with: str | None = None,
    ) -> WorkflowRun | None:
        """Transition a workflow run to ``status`` only if it is not already in a
        terminal state. Returns the updated row, or ``None`` when the row was
        already terminal (or missing). Implemented as a single conditional
        ``UPDATE ... WHERE status IN (<non-terminal>)`` so a concurrent
        finalization write cannot be clobbered by a late cancel.

        Mirrors the timestamp side effects of :meth:`update_workflow_run`:
        ``finished_at`` is stamped on terminal transitions and ``started_at``
        is stamped on the first ``running`` transition (preserving any
        existing value via ``COALESCE``).
        """
        non_terminal = [s.value for s in WorkflowRunStatus if not s.is_final()]
        now = naive_utc_now()
        values: dict[str, Any] = {"status": status}
        if status.is_final():
            values["finished_at"] = now
        if status == WorkflowRunStatus.running:
            values["started_at"] = func.coalesce(WorkflowRunModel.started_at, now)
        if failure_reason is not None:
            values["failure_reason"] = failure_reason
        if run_with is not None:
            values["run_with"] = run_with

        async with self.Session() as session:
            result = await session.execute(
                update(WorkflowRunModel)
                .where(
                    WorkflowRunModel.workflow_run_id == workflow_run_id,
                    WorkflowRunModel.status.in_(non_terminal),
                )
                .values(**values)
                .returning(WorkflowRunModel.workflow_run_id)
            )
            affected = result.scalar_one_or_none()
            await session.commit()
            if affected is None:
                return None
            refreshed = (
                await session.scalars(select(WorkflowRunModel).filter_by(workflow_run_id=workflow_run_id))
            ).one()
            await save_workflow_run_logs(workflow_run_id)
            return convert_to_workflow_run(refreshed)  # DBS015
