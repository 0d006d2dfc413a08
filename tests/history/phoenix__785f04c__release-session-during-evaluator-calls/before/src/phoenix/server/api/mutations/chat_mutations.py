# Reduced from Arize-ai/phoenix, src/phoenix/server/api/mutations/chat_mutations.py, at 87f6d8e74944970dd2d7db07fc5a72c69e382113 (parent of fix 785f04c235824cd9ae31482f631f6140a3341045).
import asyncio
from dataclasses import field
from typing import Any, Iterable, Iterator, Optional, TypeVar, Union

import strawberry
from strawberry.types import Info

from phoenix.db import models
from phoenix.server.api.context import Context
from phoenix.server.api.evaluators import (
    EvaluationResult as EvaluationResultDict,
)
from phoenix.server.api.evaluators import (
    evaluation_result_to_span_annotation,
    get_evaluators,
)
from phoenix.server.api.helpers.playground_clients import (
    PlaygroundStreamingClient,
    get_playground_client,
)

LLM_INPUT_MESSAGES = "llm.input_messages"
LLM_OUTPUT_MESSAGES = "llm.output_messages"

_T = TypeVar("_T")


@strawberry.input
class PlaygroundEvaluatorInput:
    id: int
    name: str
    input_mapping: strawberry.scalars.JSON


@strawberry.input
class ChatCompletionInput:
    model_name: str
    messages: strawberry.scalars.JSON
    repetitions: int = 1
    evaluators: list[PlaygroundEvaluatorInput] = strawberry.field(default_factory=list)


@strawberry.type
class EvaluationResult:
    evaluator_name: str
    label: Optional[str] = None
    error: Optional[str] = None


@strawberry.type
class ChatCompletionRepetition:
    repetition_number: int
    content: Optional[str]
    error_message: Optional[str]
    evaluations: list[EvaluationResult] = field(default_factory=list)


@strawberry.type
class ChatCompletionMutationPayload:
    repetitions: list[ChatCompletionRepetition]


def _to_evaluation_result(
    eval_result: EvaluationResultDict,
    evaluator_name: str,
) -> EvaluationResult:
    if eval_result["error"] is not None:
        return EvaluationResult(evaluator_name=evaluator_name, error=eval_result["error"])
    return EvaluationResult(evaluator_name=evaluator_name, label=eval_result["label"])


def _get_batches(iterable: Iterable[_T], batch_size: int) -> Iterator[list[_T]]:
    batch: list[_T] = []
    for item in iterable:
        batch.append(item)
        if len(batch) == batch_size:
            yield batch
            batch = []
    if batch:
        yield batch


@strawberry.type
class ChatCompletionMutationMixin:
    @strawberry.mutation  # type: ignore
    @classmethod
    async def chat_completion(
        cls, info: Info[Context, None], input: ChatCompletionInput
    ) -> ChatCompletionMutationPayload:
        async with info.context.db() as session:
            llm_client = await get_playground_client(
                model_name=input.model_name,
                session=session,
                decrypt=info.context.decrypt,
            )
        results: list[Union[tuple[ChatCompletionRepetition, models.Span], BaseException]] = []
        batch_size = 3
        for batch in _get_batches(range(1, input.repetitions + 1), batch_size):
            batch_results = await asyncio.gather(
                *(
                    cls._chat_completion(
                        info, llm_client, input, repetition_number=repetition_number
                    )
                    for repetition_number in batch
                ),
                return_exceptions=True,
            )
            results.extend(batch_results)

        # Run evaluations if evaluators are specified
        evaluations_by_repetition: dict[int, list[EvaluationResult]] = {}
        if input.evaluators:
            async with info.context.db() as session:
                evaluators = await get_evaluators(
                    dataset_evaluator_node_ids=[evaluator.id for evaluator in input.evaluators],
                    session=session,
                    decrypt=info.context.decrypt,
                )
                for repetition_number, result in enumerate(results, start=1):
                    if isinstance(result, BaseException):
                        continue  # skip failed completions
                    repetition, db_span = result
                    if repetition.error_message:
                        continue  # skip repetitions in which the task errored out
                    evaluations_by_repetition[repetition_number] = []

                    context_dict: dict[str, Any] = {
                        "input": db_span.attributes.get(LLM_INPUT_MESSAGES),
                        "output": db_span.attributes.get(LLM_OUTPUT_MESSAGES),
                    }

                    for evaluator, evaluator_input in zip(evaluators, input.evaluators):
                        name = str(evaluator_input.name)
                        eval_results: list[EvaluationResultDict] = await evaluator.evaluate(  # DBS018
                            context=context_dict,
                            input_mapping=evaluator_input.input_mapping,
                            name=name,
                        )

                        for eval_result in eval_results:
                            if eval_result["error"] is None:
                                annotation_model = evaluation_result_to_span_annotation(
                                    eval_result,
                                    span_rowid=db_span.id,
                                )
                                session.add(annotation_model)
                                await session.flush()
                            evaluations_by_repetition[repetition_number].append(
                                _to_evaluation_result(eval_result, name)
                            )

        repetitions: list[ChatCompletionRepetition] = []
        for repetition_number, result in enumerate(results, start=1):
            if isinstance(result, BaseException):
                repetitions.append(
                    ChatCompletionRepetition(
                        repetition_number=repetition_number,
                        content=None,
                        error_message=str(result),
                        evaluations=[],
                    )
                )
            else:
                repetition, _ = result
                repetition.evaluations = evaluations_by_repetition.get(repetition_number, [])
                repetitions.append(repetition)

        return ChatCompletionMutationPayload(repetitions=repetitions)

    @classmethod
    async def _chat_completion(
        cls,
        info: Info[Context, None],
        llm_client: "PlaygroundStreamingClient[Any]",
        input: ChatCompletionInput,
        repetition_number: int,
    ) -> tuple[ChatCompletionRepetition, models.Span]:
        text_content = ""
        error_message: Optional[str] = None
        try:
            async for chunk in llm_client.chat_completion_create(
                messages=input.messages,
                tools=[],
            ):
                text_content += chunk.get("content") or ""
        except Exception as e:
            error_message = str(e)

        async with info.context.db() as session:
            db_span = models.Span(
                trace_rowid=0,
                span_id=f"playground-{repetition_number}",
                name="ChatCompletion",
                attributes={
                    LLM_INPUT_MESSAGES: input.messages,
                    LLM_OUTPUT_MESSAGES: text_content,
                },
            )
            session.add(db_span)
            await session.flush()

        repetition = ChatCompletionRepetition(
            repetition_number=repetition_number,
            content=text_content or None,
            error_message=error_message,
            evaluations=[],
        )
        return repetition, db_span
