# Reduced from langgenius/dify, api/core/third_party/langchain/llms/chat_open_ai.py at a31466d34e280284216b638e1fcd89e0db9bfff4 (the fix)
from typing import Dict, Optional, Union, Tuple

from langchain.chat_models import ChatOpenAI
from pydantic import root_validator


class EnhanceChatOpenAI(ChatOpenAI):
    request_timeout: Optional[Union[float, Tuple[float, float]]] = (5.0, 300.0)
    """Timeout for requests to OpenAI completion API. Default is 600 seconds."""
    max_retries: int = 1
    """Maximum number of retries to make when generating."""

    @root_validator()
    def validate_environment(cls, values: Dict) -> Dict:
        """Validate that api key and python package exists in environment."""
        import openai

        values["client"] = openai.ChatCompletion
        return values
