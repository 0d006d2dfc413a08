# Reduced from Arize-ai/phoenix, src/phoenix/server/api/subscriptions.py, at f40c9f7d1dfef9f2748904c8d63300cfc26872bf (the fix).
import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import datetime, timezone
from typing import Any, AsyncGenerator, Optional, Sequence, TypeVar

import strawberry
from sqlalchemy import and_, insert, select
from sqlalchemy.orm import load_only
from strawberry.relay.types import GlobalID
from strawberry.types import Info
from typing_extensions import TypeAlias

from phoenix.db import models
from phoenix.server.api.context import Context
from phoenix.server.api.evaluators import (
    EvaluationResult,
    evaluation_result_to_model,
    get_evaluator_project_ids,
    get_evaluators,
)
from phoenix.server.api.helpers.annotation_configs import (
    apply_overrides_to_annotation_config,
    get_annotation_config_override,
)
from phoenix.server.api.helpers.playground_clients import (
    PlaygroundStreamingClient,
    get_playground_client,
)
from phoenix.server.api.input_types.ChatCompletionInput import ChatCompletionOverDatasetInput
from phoenix.server.api.types.ChatCompletionSubscriptionPayload import (
    ChatCompletionSubscriptionExperiment,
    ChatCompletionSubscriptionPayload,
    ChatCompletionSubscriptionResult,
    EvaluationChunk,
    EvaluationErrorChunk,
)
from phoenix.server.api.types.ExperimentRunAnnotation import ExperimentRunAnnotation
from phoenix.server.api.types.node import from_global_id_with_expected_type
from phoenix.server.types import DbSessionFactory
from phoenix.tracers import Tracer

GenericType = TypeVar("GenericType")

logger = logging.getLogger(__name__)

DatasetExampleID: TypeAlias = GlobalID
ChatCompletionResult: TypeAlias = tuple[DatasetExampleID, models.ExperimentRun]
ChatStream: TypeAlias = AsyncGenerator[ChatCompletionSubscriptionPayload, None]


@strawberry.type
class Subscription:
    @strawberry.subscription  # type: ignore
    async def chat_completion_over_dataset(
        self, info: Info[Context, None], input: ChatCompletionOverDatasetInput
    ) -> AsyncIterator[ChatCompletionSubscriptionPayload]:
        dataset_id = from_global_id_with_expected_type(input.dataset_id, "Dataset")
        version_id = (
            from_global_id_with_expected_type(
                global_id=input.dataset_version_id, expected_type_name="DatasetVersion"
            )
            if input.dataset_version_id
            else None
        )
        async with info.context.db() as session:
            llm_client = await get_playground_client(
                model=input.model,
                session=session,
                decrypt=info.context.decrypt,
                credentials=input.credentials,
            )
            evaluator_node_ids = [evaluator.id for evaluator in input.evaluators]
            evaluators = await get_evaluators(
                evaluator_node_ids=evaluator_node_ids,
                session=session,
                decrypt=info.context.decrypt,
                credentials=input.credentials,
            )
            project_ids = await get_evaluator_project_ids(
                evaluator_node_ids=evaluator_node_ids,
                dataset_id=dataset_id,
                session=session,
            )
            if version_id is None:
                resolved_version_id = await session.scalar(
                    select(models.DatasetVersion.id)
                    .where(models.DatasetVersion.dataset_id == dataset_id)
                    .order_by(models.DatasetVersion.id.desc())
                    .limit(1)
                )
            else:
                resolved_version_id = await session.scalar(
                    select(models.DatasetVersion.id).where(
                        and_(
                            models.DatasetVersion.dataset_id == dataset_id,
                            models.DatasetVersion.id == version_id,
                        )
                    )
                )
            if resolved_version_id is None:
                raise ValueError(f"Could not find dataset version with ID {version_id}")
            revisions = [
                rev
                async for rev in await session.stream_scalars(
                    select(models.DatasetExampleRevision)
                    .where(models.DatasetExampleRevision.dataset_version_id <= resolved_version_id)
                    .order_by(models.DatasetExampleRevision.dataset_example_id.asc())
                    .options(
                        load_only(
                            models.DatasetExampleRevision.dataset_example_id,
                            models.DatasetExampleRevision.input,
                            models.DatasetExampleRevision.output,
                            models.DatasetExampleRevision.metadata_,
                        )
                    )
                )
            ]
            if not revisions:
                raise ValueError("No examples found for the given dataset and version")
            project_name = f"Experiment-{dataset_id}-{resolved_version_id}"
            if (
                playground_project_id := await session.scalar(
                    select(models.Project.id).where(models.Project.name == project_name)
                )
            ) is None:
                playground_project_id = await session.scalar(
                    insert(models.Project)
                    .returning(models.Project.id)
                    .values(
                        name=project_name,
                        description="Traces from prompt playground",
                    )
                )
            experiment = models.Experiment(
                dataset_id=dataset_id,
                dataset_version_id=resolved_version_id,
                name=input.experiment_name or "playground-experiment",
                description=input.experiment_description,
                repetitions=input.repetitions,
                metadata_={},
                project_name=project_name,
                user_id=None,
            )
            session.add(experiment)
            await session.flush()
        yield ChatCompletionSubscriptionExperiment(
            experiment={"id": experiment.id, "name": experiment.name}
        )  # eagerly yields experiment so it can be linked by consumers of the subscription

        results: asyncio.Queue[ChatCompletionResult] = asyncio.Queue()
        for revision in revisions:
            for repetition_number in range(1, input.repetitions + 1):
                async for chunk in _stream_chat_completion_over_dataset_example(
                    input=input,
                    llm_client=llm_client,
                    revision=revision,
                    results=results,
                    repetition_number=repetition_number,
                    experiment_id=experiment.id,
                ):
                    yield chunk
        if remaining_results := await _drain(results):
            async for result_payload in _chat_completion_result_payloads(
                db=info.context.db,
                results=remaining_results,
            ):
                yield result_payload

        if input.evaluators:
            for revision in revisions:
                example_id = GlobalID("DatasetExample", str(revision.dataset_example_id))
                for repetition_number in range(1, input.repetitions + 1):
                    async with info.context.db() as session:
                        run = await session.scalar(  # pyright: ignore
                            select(models.ExperimentRun).where(
                                models.ExperimentRun.experiment_id == experiment.id,
                                models.ExperimentRun.dataset_example_id
                                == revision.dataset_example_id,
                                models.ExperimentRun.repetition_number == repetition_number,
                            )
                        )
                    if run is None or run.error is not None:
                        continue
                    context_dict: dict[str, Any] = {
                        "input": revision.input,
                        "reference": revision.output,
                        "output": run.output.get("task_output", run.output),
                    }
                    for evaluator, evaluator_input, project_id in zip(
                        evaluators, input.evaluators, project_ids
                    ):
                        name = str(evaluator_input.name)
                        annotation_config_override = get_annotation_config_override(evaluator_input)
                        merged_config = apply_overrides_to_annotation_config(
                            annotation_config=evaluator.output_config,
                            annotation_config_override=annotation_config_override,
                            name=name,
                            description_override=evaluator_input.description,
                        )

                        tracer: Tracer | None = None
                        if input.tracing_enabled:
                            tracer = Tracer(span_cost_calculator=info.context.span_cost_calculator)

                        result: EvaluationResult = await evaluator.evaluate(
                            context=context_dict,
                            input_mapping=evaluator_input.input_mapping,
                            name=name,
                            output_config=merged_config,
                            tracer=tracer,
                        )

                        if tracer is not None:
                            async with info.context.db() as session:
                                traces = await tracer.save_db_traces(
                                    session=session, project_id=project_id
                                )
                            result["trace_id"] = traces[0].trace_id

                        if result["error"] is not None:
                            yield EvaluationErrorChunk(
                                evaluator_name=name,
                                message=result["error"],
                                dataset_example_id=example_id,
                                repetition_number=repetition_number,
                            )
                            continue
                        annotation_model = evaluation_result_to_model(
                            result,
                            experiment_run_id=run.id,
                        )
                        async with info.context.db() as session:
                            session.add(annotation_model)
                            await session.flush()
                        evaluation_chunk = EvaluationChunk(
                            experiment_run_evaluation=ExperimentRunAnnotation(
                                id=annotation_model.id,
                                db_record=annotation_model,
                            ),
                            span_evaluation=None,
                            dataset_example_id=example_id,
                            repetition_number=repetition_number,
                        )
                        yield evaluation_chunk


async def _stream_chat_completion_over_dataset_example(
    *,
    input: ChatCompletionOverDatasetInput,
    llm_client: "PlaygroundStreamingClient[Any]",
    revision: models.DatasetExampleRevision,
    repetition_number: int,
    results: asyncio.Queue[ChatCompletionResult],
    experiment_id: int,
) -> ChatStream:
    example_id = GlobalID("DatasetExample", str(revision.dataset_example_id))
    messages = [
        (message.role, message.content.format(**revision.input), None, None)
        for message in input.messages
    ]
    start_time = datetime.now(timezone.utc)
    content = ""
    error: Optional[str] = None
    try:
        async for chunk in llm_client.chat_completion_create(messages=messages, tools=[]):
            content += getattr(chunk, "content", "")
            chunk.dataset_example_id = example_id
            chunk.repetition_number = repetition_number
            yield chunk
    except Exception as e:
        error = str(e)
    db_run = models.ExperimentRun(
        experiment_id=experiment_id,
        dataset_example_id=revision.dataset_example_id,
        trace_id=None,
        output={"task_output": content},
        repetition_number=repetition_number,
        start_time=start_time,
        end_time=datetime.now(timezone.utc),
        error=error,
    )
    await results.put((example_id, db_run))


async def _chat_completion_result_payloads(
    *,
    db: DbSessionFactory,
    results: Sequence[ChatCompletionResult],
) -> ChatStream:
    if not results:
        return
    async with db() as session:
        for _, run in results:
            session.add(run)
        await session.flush()
    for example_id, run in results:
        yield ChatCompletionSubscriptionResult(
            experiment_run_id=run.id,
            dataset_example_id=example_id,
            repetition_number=run.repetition_number,
        )


async def _drain(queue: asyncio.Queue[GenericType]) -> list[GenericType]:
    values: list[GenericType] = []
    while not queue.empty():
        values.append(await queue.get())
    return values
