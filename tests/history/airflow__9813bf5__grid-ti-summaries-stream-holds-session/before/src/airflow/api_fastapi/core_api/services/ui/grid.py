# Reduced from apache/airflow, airflow-core/src/airflow/api_fastapi/core_api/services/ui/grid.py, at the parent of fix 9813bf5cb1109a8e31461d8b2a087ac86c6ee9f8.
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import Any


class GridNodeAgg:
    """Aggregated states of the task instances of one grid node."""

    def __init__(self) -> None:
        self.states: Counter[str | None] = Counter()
        self.min_start_date = None
        self.max_end_date = None
        self.dag_version_numbers: set[int] = set()

    def add_ti(self, *, state, start_date, end_date, dag_version_number) -> None:
        self.states[state] += 1
        if start_date and (self.min_start_date is None or start_date < self.min_start_date):
            self.min_start_date = start_date
        if end_date and (self.max_end_date is None or end_date > self.max_end_date):
            self.max_end_date = end_date
        if dag_version_number is not None:
            self.dag_version_numbers.add(dag_version_number)


def _get_aggs_for_node(detail: GridNodeAgg) -> dict[str, Any]:
    return {
        "state": next(iter(detail.states), None),
        "min_start_date": detail.min_start_date,
        "max_end_date": detail.max_end_date,
        "child_states": dict(detail.states),
    }


def _find_aggregates(
    node: dict[str, Any],
    parent_node: dict[str, Any] | None,
    ti_details: dict[str, GridNodeAgg],
) -> Iterable[tuple[dict[str, Any], dict[str, Any] | None]]:
    """Recursively fill the aggregates of a task group tree."""
    for child in node.get("children") or []:
        yield from _find_aggregates(node=child, parent_node=node, ti_details=ti_details)
    if node.get("type") in {"task", "mapped_task"}:
        detail = ti_details.get(node["task_id"])
        if detail is not None:
            yield {**node, **_get_aggs_for_node(detail)}, parent_node
