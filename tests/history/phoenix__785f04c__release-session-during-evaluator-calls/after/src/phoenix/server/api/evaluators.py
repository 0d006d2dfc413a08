# Reduced from Arize-ai/phoenix, src/phoenix/server/api/evaluators.py, at 785f04c235824cd9ae31482f631f6140a3341045 (the fix).
import json
from abc import ABC, abstractmethod
from datetime import datetime, timezone
from typing import Any, Callable, Optional

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from typing_extensions import TypedDict

from phoenix.db import models
from phoenix.server.api.helpers.playground_clients import (
    PlaygroundStreamingClient,
    get_playground_client,
)


class ToolCall(TypedDict):
    name: str
    arguments: str


class EvaluationResult(TypedDict):
    name: str
    annotator_kind: str
    label: Optional[str]
    score: Optional[float]
    explanation: Optional[str]
    metadata: dict[str, Any]
    error: Optional[str]
    trace_id: Optional[str]
    start_time: datetime
    end_time: datetime


class BaseEvaluator(ABC):
    """
    Base interface for all evaluators that attach annotations to tasks.
    """

    @abstractmethod
    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: dict[str, str],
        name: str,
    ) -> list[EvaluationResult]: ...


class LLMEvaluator(BaseEvaluator):
    def __init__(
        self,
        name: str,
        template: dict[str, Any],
        llm_client: PlaygroundStreamingClient[Any],
    ):
        self._name = name
        self._template = template
        self._llm_client = llm_client

    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: dict[str, str],
        name: str,
    ) -> list[EvaluationResult]:
        start_time = datetime.now(timezone.utc)
        messages = [
            {"role": message["role"], "content": message["content"].format(**context)}
            for message in self._template["messages"]
        ]
        tool_call_by_id: dict[str, ToolCall] = {}
        async for chunk in self._llm_client.chat_completion_create(
            messages=messages,
            tools=self._template["tools"],
        ):
            if chunk["id"] not in tool_call_by_id:
                tool_call_by_id[chunk["id"]] = ToolCall(
                    name=chunk["name"], arguments=chunk["arguments"]
                )
            else:
                tool_call_by_id[chunk["id"]]["arguments"] += chunk["arguments"]
        results: list[EvaluationResult] = []
        for tool_call in tool_call_by_id.values():
            args = json.loads(tool_call["arguments"])
            results.append(
                EvaluationResult(
                    name=name,
                    annotator_kind="LLM",
                    label=args.get("label"),
                    score=None,
                    explanation=args.get("explanation"),
                    metadata={},
                    error=None,
                    trace_id=None,
                    start_time=start_time,
                    end_time=datetime.now(timezone.utc),
                )
            )
        return results


async def get_evaluators(
    *,
    dataset_evaluator_node_ids: list[int],
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
) -> list[BaseEvaluator]:
    """
    Get all evaluators for the given DatasetEvaluator node IDs.
    """
    if not dataset_evaluator_node_ids:
        return []
    dataset_evaluators_result = await session.scalars(
        select(models.DatasetEvaluators).where(
            models.DatasetEvaluators.id.in_(dataset_evaluator_node_ids)
        )
    )
    evaluators: list[BaseEvaluator] = []
    for dataset_evaluator in dataset_evaluators_result:
        llm_evaluator_orm = await session.get(models.LLMEvaluator, dataset_evaluator.evaluator_id)
        if llm_evaluator_orm is None:
            continue
        llm_client = await get_playground_client(
            model_name=llm_evaluator_orm.model_name,
            session=session,
            decrypt=decrypt,
        )
        evaluators.append(
            LLMEvaluator(
                name=dataset_evaluator.name,
                template=llm_evaluator_orm.template,
                llm_client=llm_client,
            )
        )
    return evaluators


def evaluation_result_to_span_annotation(
    result: EvaluationResult,
    *,
    span_rowid: int,
) -> models.SpanAnnotation:
    return models.SpanAnnotation(
        span_rowid=span_rowid,
        name=result["name"],
        annotator_kind=result["annotator_kind"],
        label=result["label"],
        score=result["score"],
        explanation=result["explanation"],
        metadata_=result["metadata"],
        identifier=result["name"],
        source="API",
        created_at=result["start_time"],
        updated_at=result["end_time"],
        user_id=None,
    )
