# Reduced from langgenius/dify, api/core/model_providers/models/llm/base.py at a31466d34e280284216b638e1fcd89e0db9bfff4 (the fix)
from abc import abstractmethod
from typing import List, Optional, Any

from langchain.callbacks.manager import Callbacks
from langchain.schema import LLMResult, ChatGeneration

from core.model_providers.models.base import BaseProviderModel
from core.model_providers.providers.base import BaseModelProvider
import logging

from extensions.ext_database import db

logger = logging.getLogger(__name__)


class BaseLLM(BaseProviderModel):
    name: str
    credentials: dict
    streaming: bool = False
    deduct_quota: bool = True

    def __init__(self, model_provider: BaseModelProvider,
                 name: str,
                 model_kwargs: dict,
                 streaming: bool = False,
                 callbacks: Callbacks = None):
        self.name = name
        self.model_kwargs = model_kwargs
        self.credentials = model_provider.get_model_credentials(
            model_name=name,
            model_type='text-generation'
        )
        self.streaming = streaming
        self.callbacks = callbacks or []

        client = self._init_client()
        super().__init__(model_provider, client)

    @abstractmethod
    def _init_client(self) -> Any:
        raise NotImplementedError

    def run(self, messages: List[str],
            stop: Optional[List[str]] = None,
            callbacks: Callbacks = None,
            **kwargs) -> str:
        """
        run predict by prompt messages and stop words.
        (reduced: the moderation check, the FakeLLM path for flagged input and token counting are cut)

        :param messages:
        :param stop:
        :param callbacks:
        :return:
        """
        if self.deduct_quota:
            self.model_provider.check_quota_over_limit()

        db.session.commit()

        if not callbacks:
            callbacks = self.callbacks
        else:
            callbacks.extend(self.callbacks)

        try:
            result = self._run(
                messages=messages,
                stop=stop,
                callbacks=callbacks,
                **kwargs
            )
        except Exception as ex:
            raise self.handle_exceptions(ex)

        if isinstance(result.generations[0][0], ChatGeneration):
            completion_content = result.generations[0][0].message.content
        else:
            completion_content = result.generations[0][0].text

        self.model_provider.update_last_used()

        if self.deduct_quota:
            self.model_provider.deduct_quota(0)

        return completion_content

    @abstractmethod
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
        raise NotImplementedError

    def handle_exceptions(self, ex: Exception) -> Exception:
        return ex
