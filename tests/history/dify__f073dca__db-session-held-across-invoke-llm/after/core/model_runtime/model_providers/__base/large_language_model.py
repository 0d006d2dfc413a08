# Reduced from langgenius/dify, api/core/model_runtime/model_providers/__base/large_language_model.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Generator
from typing import Optional, Union

from core.model_runtime.entities.llm_entities import LLMResult
from core.model_runtime.entities.message_entities import PromptMessage, PromptMessageTool

logger = logging.getLogger(__name__)


class LargeLanguageModel(ABC):
    """
    Model class for large language model.
    """

    def invoke(self, model: str, credentials: dict,
               prompt_messages: list[PromptMessage], model_parameters: Optional[dict] = None,
               tools: Optional[list[PromptMessageTool]] = None, stop: Optional[list[str]] = None,
               stream: bool = True, user: Optional[str] = None) \
            -> Union[LLMResult, Generator]:
        """
        Invoke large language model
        (reduced: parameter validation and the before/after/error callbacks are cut)
        """
        # validate and filter model parameters
        if model_parameters is None:
            model_parameters = {}

        self.started_at = time.perf_counter()

        return self._invoke(model, credentials, prompt_messages, model_parameters, tools, stop, stream, user)

    @abstractmethod
    def _invoke(self, model: str, credentials: dict,
                prompt_messages: list[PromptMessage], model_parameters: dict,
                tools: Optional[list[PromptMessageTool]] = None, stop: Optional[list[str]] = None,
                stream: bool = True, user: Optional[str] = None) \
            -> Union[LLMResult, Generator]:
        """
        Invoke large language model
        """
        raise NotImplementedError
