# Reduced from langgenius/dify, api/core/model_runtime/entities/llm_entities.py at 8b1e35d7dc1fac8d930117ab773d3645110a54f0 (parent of fix f073dca22aac94cb48c509c32f999ca880338a94)
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
