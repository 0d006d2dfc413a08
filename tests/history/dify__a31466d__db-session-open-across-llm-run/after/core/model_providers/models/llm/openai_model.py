# Reduced from langgenius/dify, api/core/model_providers/models/llm/openai_model.py at a31466d34e280284216b638e1fcd89e0db9bfff4 (the fix)
import logging
from typing import List, Optional, Any

from langchain.callbacks.manager import Callbacks
from langchain.schema import LLMResult, HumanMessage

from core.third_party.langchain.llms.chat_open_ai import EnhanceChatOpenAI
from core.model_providers.models.llm.base import BaseLLM


class OpenAIModel(BaseLLM):
    def _init_client(self) -> Any:
        # (reduced: the completion-model client EnhanceOpenAI is cut)
        client = EnhanceChatOpenAI(
            model_name=self.name,
            streaming=self.streaming,
            callbacks=self.callbacks,
            request_timeout=60,
            **self.credentials
        )

        return client

    def _run(self, messages: List[str],
             stop: Optional[List[str]] = None,
             callbacks: Callbacks = None,
             **kwargs) -> LLMResult:
        """
        run predict by prompt messages and stop words.

        :param messages:
        :param stop:
        :param callbacks:
        :return:
        """
        # (reduced: _get_prompt_from_messages() turns dify's PromptMessages into langchain messages)
        prompts = [HumanMessage(content=message) for message in messages]
        return self._client.generate([prompts], stop, callbacks)
