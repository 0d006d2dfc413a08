# Reduced from apache/airflow, airflow-core/src/airflow/api_fastapi/core_api/routes/ui/grid.py, at 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8 (the fix).
from __future__ import annotations

from collections.abc import Generator, Iterable
from typing import TYPE_CHECKING, Annotated, Any

import structlog
from fastapi import Depends, Query, status
from fastapi.responses import StreamingResponse
from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from airflow.api_fastapi.common.router import AirflowRouter
from airflow.api_fastapi.core_api.datamodels.ui.grid import (
    GridTISummaries,
)
from airflow.api_fastapi.core_api.services.ui.grid import (
    GridNodeAgg,
    _find_aggregates,
    _get_aggs_for_node,
)
from airflow.models.dag_version import DagVersion
from airflow.models.serialized_dag import SerializedDagModel
from airflow.models.taskinstance import TaskInstance
from airflow.utils.session import create_session

log = structlog.get_logger(logger_name=__name__)
grid_router = AirflowRouter(prefix="/grid", tags=["Grid"])


def _get_serdag(dag_id, dag_version_id, session) -> SerializedDagModel | None:
    # this is a simplification - we account for structure based on the first task
    version = session.scalar(
        select(DagVersion)
        .where(DagVersion.id == dag_version_id)
        .options(joinedload(DagVersion.serialized_dag))
    )
    if not version:
        version = session.scalar(
            select(DagVersion)
            .where(
                DagVersion.dag_id == dag_id,
            )
            .options(joinedload(DagVersion.serialized_dag))
            .order_by(DagVersion.id)  # ascending cus this is mostly for pre-3.0 upgrade
            .limit(1)
        )
    if not version:
        return None
    if not (serdag := version.serialized_dag):
        log.error(
            "No serialized dag found",
            dag_id=dag_id,
            version_id=version.id,
            version_number=version.version_number,
        )
    return serdag


def _build_ti_summaries(
    dag_id: str,
    run_id: str,
    task_instances: Iterable[Any],
    session: Session,
    *,
    serdag: SerializedDagModel | None = None,
    serdag_cache: dict[Any, SerializedDagModel | None] | None = None,
) -> dict[str, Any] | None:
    ti_details: dict[str, GridNodeAgg] = {}
    dag_version_id = None
    for ti in task_instances:
        dag_version_id = dag_version_id or ti.dag_version_id
        summary = ti_details.get(ti.task_id)
        if summary is None:
            summary = ti_details[ti.task_id] = GridNodeAgg()
        summary.add_ti(
            state=ti.state,
            start_date=ti.start_date,
            end_date=ti.end_date,
            dag_version_number=getattr(ti, "version_number", None),
        )
    if not ti_details:
        return None
    if serdag is None:
        if serdag_cache is not None:
            if dag_version_id not in serdag_cache:
                serdag_cache[dag_version_id] = _get_serdag(
                    dag_id=dag_id,
                    dag_version_id=dag_version_id,
                    session=session,
                )
            serdag = serdag_cache[dag_version_id]
        else:
            serdag = _get_serdag(
                dag_id=dag_id,
                dag_version_id=dag_version_id,
                session=session,
            )
    if TYPE_CHECKING:
        assert serdag

    def get_node_summaries() -> Iterable[dict[str, Any]]:
        yielded_task_ids: set[str] = set()
        for node, _ in _find_aggregates(
            node=serdag.dag.task_group,
            parent_node=None,
            ti_details=ti_details,
        ):
            if node["type"] in {"task", "mapped_task"}:
                yielded_task_ids.add(node["task_id"])
                if node["type"] == "task":
                    node["child_states"] = None
            yield node
        missing_task_ids = set(ti_details.keys()) - yielded_task_ids
        for task_id in sorted(missing_task_ids):
            detail = ti_details[task_id]
            agg = _get_aggs_for_node(detail)
            yield {
                "task_id": task_id,
                "task_display_name": task_id,
                "type": "task",
                "parent_id": None,
                **agg,
                "child_states": None,
            }

    nodes = list(get_node_summaries())
    # If a group id and a task id collide, prefer the group record
    group_ids = {n.get("task_id") for n in nodes if n.get("type") == "group"}
    filtered = [n for n in nodes if not (n.get("type") == "task" and n.get("task_id") in group_ids)]
    return {"run_id": run_id, "dag_id": dag_id, "task_instances": filtered}


@grid_router.get(
    "/ti_summaries/{dag_id}",
    response_class=StreamingResponse,
    response_model=GridTISummaries,
    responses={
        status.HTTP_404_NOT_FOUND: {"description": "Not Found"},
        200: {
            "content": {"application/x-ndjson": {"schema": {"type": "string"}}},
            "description": "NDJSON stream — one ``GridTISummaries`` JSON object per line, one per Dag run",
        },
    },
)
def get_grid_ti_summaries_stream(
    dag_id: str,
    run_ids: Annotated[list[str] | None, Query()] = None,
) -> StreamingResponse:
    """
    Stream TI summaries for multiple Dag runs as NDJSON (one JSON line per run).

    Each line is a serialized ``GridTISummaries`` object emitted as soon as that
    run's task instances have been processed, so the client can render columns
    progressively without waiting for all runs to complete.

    The serialized Dag structure is loaded once and reused for all runs that
    share the same ``dag_version_id``, avoiding repeated deserialization.
    """

    def _generate() -> Generator[str, None, None]:
        # Each iteration opens and closes its own DB session so the connection is
        # released between yields.  This prevents a slow client from holding a
        # database connection open for the entire stream duration.
        # See https://github.com/apache/airflow/issues/65010.

        serdag_cache: dict[Any, SerializedDagModel | None] = {}
        for run_id in run_ids or []:
            with create_session(scoped=False) as session:
                tis = session.execute(
                    select(
                        TaskInstance.task_id,
                        TaskInstance.state,
                        TaskInstance.dag_version_id,
                        TaskInstance.start_date,
                        TaskInstance.end_date,
                        DagVersion.version_number,
                    )
                    .outerjoin(DagVersion, TaskInstance.dag_version_id == DagVersion.id)
                    .where(TaskInstance.dag_id == dag_id)
                    .where(TaskInstance.run_id == run_id)
                    .order_by(TaskInstance.task_id)
                    .execution_options(yield_per=1000)
                )
                summary = _build_ti_summaries(
                    dag_id,
                    run_id,
                    tis,
                    session,
                    serdag_cache=serdag_cache,
                )
            if summary is None:
                continue
            yield GridTISummaries.model_validate(summary).model_dump_json() + "\n"

    return StreamingResponse(content=_generate(), media_type="application/x-ndjson")
