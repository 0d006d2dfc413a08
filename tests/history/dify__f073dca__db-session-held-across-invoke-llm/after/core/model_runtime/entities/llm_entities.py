# Reduced from langgenius/dify, api/core/model_runtime/entities/llm_entities.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
from pydantic import BaseModel

from core.model_runtime.entities.message_entities import PromptMessage


class LLMResult(BaseModel):
    """
    Model class for llm result.
    """
    model: str
    prompt_messages: list[PromptMessage]
    message: PromptMessage
    system_fingerprint: str = None


class LLMResultChunk(BaseModel):
    """
    Model class for llm result chunk.
    """
    model: str
    prompt_messages: list[PromptMessage]
    system_fingerprint: str = None
    delta: dict
