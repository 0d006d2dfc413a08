# Reduced from Arize-ai/phoenix, src/phoenix/server/api/input_types/ChatCompletionInput.py, at f40c9f7d1dfef9f2748904c8d63300cfc26872bf (the fix).
from typing import Optional

import strawberry
from strawberry import UNSET
from strawberry.relay import GlobalID
from strawberry.scalars import JSON


@strawberry.input
class GenerativeModelInput:
    provider_key: str
    name: str


@strawberry.input
class GenerativeCredentialInput:
    env_var_name: str
    value: str


@strawberry.input
class EvaluatorInputMappingInput:
    literal_mapping: JSON = strawberry.field(default_factory=dict)
    path_mapping: JSON = strawberry.field(default_factory=dict)


@strawberry.input
class PlaygroundEvaluatorInput:
    id: GlobalID
    name: str
    description: Optional[str] = UNSET
    input_mapping: EvaluatorInputMappingInput = strawberry.field(
        default_factory=EvaluatorInputMappingInput
    )


@strawberry.input
class ChatCompletionMessageInput:
    role: str
    content: str


@strawberry.input
class ChatCompletionOverDatasetInput:
    messages: list[ChatCompletionMessageInput]
    model: GenerativeModelInput
    dataset_id: GlobalID
    dataset_version_id: Optional[GlobalID] = None
    repetitions: int = 1
    experiment_name: Optional[str] = None
    experiment_description: Optional[str] = None
    evaluators: list[PlaygroundEvaluatorInput] = strawberry.field(default_factory=list)
    credentials: Optional[list[GenerativeCredentialInput]] = UNSET
    tracing_enabled: bool = True
