# Reduced from langgenius/dify, api/core/model_runtime/entities/message_entities.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
from typing import Optional

from pydantic import BaseModel


class PromptMessage(BaseModel):
    """
    Model class for prompt message.
    """
    content: Optional[str] = None
    name: Optional[str] = None


class PromptMessageTool(BaseModel):
    """
    Model class for prompt message tool.
    """
    name: str
    description: str
    parameters: dict
