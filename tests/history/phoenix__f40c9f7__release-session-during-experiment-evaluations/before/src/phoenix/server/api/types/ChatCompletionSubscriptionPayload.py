# Reduced from Arize-ai/phoenix, src/phoenix/server/api/types/ChatCompletionSubscriptionPayload.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from typing import Optional

import strawberry
from strawberry.relay import GlobalID
from strawberry.scalars import JSON

from phoenix.server.api.types.ExperimentRunAnnotation import ExperimentRunAnnotation


@strawberry.interface
class ChatCompletionSubscriptionPayload:
    dataset_example_id: Optional[GlobalID] = None
    repetition_number: Optional[int] = None


@strawberry.type
class TextChunk(ChatCompletionSubscriptionPayload):
    content: str


@strawberry.type
class FunctionCallChunk:
    name: str
    arguments: str


@strawberry.type
class ToolCallChunk(ChatCompletionSubscriptionPayload):
    id: str
    function: FunctionCallChunk


@strawberry.type
class ChatCompletionSubscriptionResult(ChatCompletionSubscriptionPayload):
    experiment_run_id: Optional[int] = None


@strawberry.type
class ChatCompletionSubscriptionError(ChatCompletionSubscriptionPayload):
    message: str


@strawberry.type
class ChatCompletionSubscriptionExperiment(ChatCompletionSubscriptionPayload):
    experiment: JSON


@strawberry.type
class EvaluationChunk(ChatCompletionSubscriptionPayload):
    experiment_run_evaluation: Optional[ExperimentRunAnnotation] = None
    span_evaluation: Optional[JSON] = None


@strawberry.type
class EvaluationErrorChunk(ChatCompletionSubscriptionPayload):
    evaluator_name: str
    message: str
