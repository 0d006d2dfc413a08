# Reduced from Arize-ai/phoenix, src/phoenix/server/api/evaluators.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
import json
import zlib
from abc import ABC, abstractmethod
from datetime import datetime, timezone
from typing import Any, Callable, Optional, TypeAlias

from opentelemetry.context import Context
from opentelemetry.trace import NoOpTracer, Status, StatusCode, Tracer, format_trace_id
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.relay import GlobalID
from typing_extensions import TypedDict

from phoenix.db import models
from phoenix.server.api.helpers.playground_clients import (
    PlaygroundStreamingClient,
    get_playground_client,
)
from phoenix.server.api.input_types.ChatCompletionInput import (
    EvaluatorInputMappingInput,
    GenerativeCredentialInput,
    GenerativeModelInput,
)
from phoenix.server.api.types.ChatCompletionSubscriptionPayload import ToolCallChunk
from phoenix.server.api.types.node import from_global_id

ToolCallId: TypeAlias = str


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


EvaluatorOutputConfig: TypeAlias = dict[str, Any]


class BaseEvaluator(ABC):
    @property
    @abstractmethod
    def name(self) -> str:
        raise NotImplementedError

    @property
    @abstractmethod
    def output_config(
        self,
    ) -> EvaluatorOutputConfig:
        raise NotImplementedError

    @abstractmethod
    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: EvaluatorInputMappingInput,
        name: str,
        output_config: EvaluatorOutputConfig,
        tracer: Optional[Tracer] = None,
    ) -> EvaluationResult:
        """
        Evaluate the given context and return an evaluation result.
        """
        raise NotImplementedError


class LLMEvaluator(BaseEvaluator):
    def __init__(
        self,
        name: str,
        description: Optional[str],
        template: dict[str, Any],
        tools: list[Any],
        llm_client: PlaygroundStreamingClient[Any],
        output_config: EvaluatorOutputConfig,
    ):
        self._name = name
        self._description = description
        self._template = template
        self._tools = tools
        self._llm_client = llm_client
        self._output_config = output_config

    @property
    def name(self) -> str:
        return self._name

    @property
    def output_config(self) -> EvaluatorOutputConfig:
        return self._output_config

    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: EvaluatorInputMappingInput,
        name: str,
        output_config: EvaluatorOutputConfig,
        tracer: Optional[Tracer] = None,
    ) -> EvaluationResult:
        start_time = datetime.now(timezone.utc)
        tracer_ = tracer or NoOpTracer()

        with tracer_.start_as_current_span(
            f"Evaluation: {self._name}",
            context=Context(),  # inject blank context to ensure the evaluator span is the root
        ) as evaluator_span:
            trace_id = (
                format_trace_id(evaluator_span.get_span_context().trace_id) if tracer else None
            )
            try:
                messages = [
                    (message["role"], message["content"].format(**context), None, None)
                    for message in self._template["messages"]
                ]
                tool_call_by_id: dict[ToolCallId, ToolCall] = {}
                with tracer_.start_as_current_span(self._llm_client.model_name) as llm_span:
                    try:
                        async for chunk in self._llm_client.chat_completion_create(
                            messages=messages,
                            tools=self._tools,
                        ):
                            if isinstance(chunk, ToolCallChunk):
                                if chunk.id not in tool_call_by_id:
                                    tool_call_by_id[chunk.id] = ToolCall(
                                        name=chunk.function.name,
                                        arguments=chunk.function.arguments,
                                    )
                                else:
                                    tool_call_by_id[chunk.id]["arguments"] += (
                                        chunk.function.arguments
                                    )
                        llm_span.set_status(Status(StatusCode.OK))
                    finally:
                        llm_span.set_attributes(self._llm_client.attributes)

                if not tool_call_by_id:
                    raise ValueError("No tool calls received from LLM")
                tool_call = next(iter(tool_call_by_id.values()))
                args = json.loads(tool_call["arguments"])
                label = args.get("label")
                if label is None:
                    raise ValueError("LLM response missing required 'label' field")
                scores_by_label = {
                    value["label"]: value.get("score") for value in output_config["values"]
                }
                evaluator_span.set_status(Status(StatusCode.OK))
                result = EvaluationResult(
                    name=name,
                    annotator_kind="LLM",
                    label=label,
                    score=scores_by_label.get(label),
                    explanation=args.get("explanation"),
                    metadata={},
                    error=None,
                    trace_id=trace_id,
                    start_time=start_time,
                    end_time=datetime.now(timezone.utc),
                )
            except Exception as e:
                evaluator_span.record_exception(e)
                evaluator_span.set_status(Status(StatusCode.ERROR, str(e)))
                result = EvaluationResult(
                    name=name,
                    annotator_kind="LLM",
                    label=None,
                    score=None,
                    explanation=None,
                    metadata={},
                    error=str(e),
                    trace_id=trace_id,
                    start_time=start_time,
                    end_time=datetime.now(timezone.utc),
                )

        return result


class BuiltInEvaluator(BaseEvaluator, ABC):
    name: str
    description: Optional[str] = None

    @property
    @abstractmethod
    def output_config(self) -> EvaluatorOutputConfig:
        """Returns the base output config for this evaluator (before any overrides are applied)."""
        raise NotImplementedError

    @abstractmethod
    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: EvaluatorInputMappingInput,
        name: str,
        output_config: EvaluatorOutputConfig,
        tracer: Optional[Tracer] = None,
    ) -> EvaluationResult:
        raise NotImplementedError


_BUILTIN_EVALUATORS_BY_ID: dict[int, type[BuiltInEvaluator]] = {}


def _generate_builtin_evaluator_id(name: str) -> int:
    """Generate a stable negative ID using CRC32 checksum."""
    return -abs(zlib.crc32(name.encode("utf-8")))


def register_builtin_evaluator(cls: type[BuiltInEvaluator]) -> type[BuiltInEvaluator]:
    _BUILTIN_EVALUATORS_BY_ID[_generate_builtin_evaluator_id(cls.name)] = cls
    return cls


def get_builtin_evaluator_by_id(evaluator_id: int) -> Optional[type[BuiltInEvaluator]]:
    return _BUILTIN_EVALUATORS_BY_ID.get(evaluator_id)


@register_builtin_evaluator
class ExactMatchEvaluator(BuiltInEvaluator):
    name = "exact_match"

    @property
    def output_config(self) -> EvaluatorOutputConfig:
        return {"values": [{"label": "true", "score": 1.0}, {"label": "false", "score": 0.0}]}

    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: EvaluatorInputMappingInput,
        name: str,
        output_config: EvaluatorOutputConfig,
        tracer: Optional[Tracer] = None,
    ) -> EvaluationResult:
        start_time = datetime.now(timezone.utc)
        matched = context.get("output") == context.get("reference")
        value = output_config["values"][0 if matched else 1]
        return EvaluationResult(
            name=name,
            annotator_kind="CODE",
            label=value["label"],
            score=value["score"],
            explanation=None,
            metadata={},
            error=None,
            trace_id=None,
            start_time=start_time,
            end_time=datetime.now(timezone.utc),
        )


async def _get_llm_evaluators(
    *,
    evaluator_node_ids: list[GlobalID],
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
    credentials: list[GenerativeCredentialInput] | None = None,
) -> list[LLMEvaluator]:
    """
    Get LLM evaluators for the given node IDs.
    """
    if not evaluator_node_ids:
        return []
    ordered_db_ids = [from_global_id(node_id)[1] for node_id in evaluator_node_ids]
    llm_evaluator_orms = (
        await session.scalars(
            select(models.LLMEvaluator).where(models.LLMEvaluator.id.in_(ordered_db_ids))
        )
    ).all()
    evaluators_by_db_id: dict[int, LLMEvaluator] = {}
    for llm_evaluator_orm in llm_evaluator_orms:
        llm_client = await get_playground_client(
            model=GenerativeModelInput(provider_key="OPENAI", name=llm_evaluator_orm.model_name),
            session=session,
            decrypt=decrypt,
            credentials=credentials,
        )
        evaluators_by_db_id[llm_evaluator_orm.id] = LLMEvaluator(
            name=llm_evaluator_orm.name,
            description=llm_evaluator_orm.description,
            template=llm_evaluator_orm.template,
            tools=llm_evaluator_orm.tools,
            llm_client=llm_client,
            output_config=llm_evaluator_orm.output_config,
        )
    return [evaluators_by_db_id[db_id] for db_id in ordered_db_ids]


async def get_evaluators(
    *,
    evaluator_node_ids: list[GlobalID],
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
    credentials: list[GenerativeCredentialInput] | None = None,
) -> list[BaseEvaluator]:
    """
    Get all evaluators for the given node IDs.

    Returns a list of BaseEvaluator instances in the same order as the input node IDs.
    """
    if not evaluator_node_ids:
        return []

    llm_node_ids = [
        node_id for node_id in evaluator_node_ids if from_global_id(node_id)[0] == "LLMEvaluator"
    ]
    llm_evaluators = await _get_llm_evaluators(
        evaluator_node_ids=llm_node_ids,
        session=session,
        decrypt=decrypt,
        credentials=credentials,
    )
    llm_iter = iter(llm_evaluators)

    evaluators: list[BaseEvaluator] = []
    for node_id in evaluator_node_ids:
        type_name, db_id = from_global_id(node_id)
        if type_name == "LLMEvaluator":
            evaluators.append(next(llm_iter))
        elif (builtin_evaluator_cls := get_builtin_evaluator_by_id(db_id)) is not None:
            evaluators.append(builtin_evaluator_cls())
        else:
            raise ValueError(f"Unknown evaluator type '{type_name}' for ID '{node_id}'")
    return evaluators


async def get_evaluator_project_ids(
    evaluator_node_ids: list[GlobalID],
    dataset_id: int,
    session: AsyncSession,
) -> list[int]:
    """
    Look up project IDs for evaluators from the DatasetEvaluators table.
    """
    if not evaluator_node_ids:
        return []
    dataset_evaluators_result = await session.scalars(
        select(models.DatasetEvaluators).where(models.DatasetEvaluators.dataset_id == dataset_id)
    )
    llm_project_ids: dict[int, int] = {}
    builtin_project_ids: dict[int, int] = {}
    for de in dataset_evaluators_result:
        if de.evaluator_id is not None:
            llm_project_ids[de.evaluator_id] = de.project_id
        if de.builtin_evaluator_id is not None:
            builtin_project_ids[de.builtin_evaluator_id] = de.project_id
    result: list[int] = []
    for node_id in evaluator_node_ids:
        type_name, db_id = from_global_id(node_id)
        if type_name == "LLMEvaluator":
            result.append(llm_project_ids[db_id])
        else:
            result.append(builtin_project_ids[db_id])
    return result


def evaluation_result_to_model(
    result: EvaluationResult,
    *,
    experiment_run_id: int,
) -> models.ExperimentRunAnnotation:
    return models.ExperimentRunAnnotation(
        experiment_run_id=experiment_run_id,
        name=result["name"],
        annotator_kind=result["annotator_kind"],
        label=result["label"],
        score=result["score"],
        explanation=result["explanation"],
        trace_id=result["trace_id"],
        error=result["error"],
        metadata_=result["metadata"],
        start_time=result["start_time"],
        end_time=result["end_time"],
    )
