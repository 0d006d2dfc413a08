# Reduced from langgenius/dify, api/core/model_runtime/entities/message_entities.py at 8b1e35d7dc1fac8d930117ab773d3645110a54f0 (parent of fix f073dca22aac94cb48c509c32f999ca880338a94)
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
