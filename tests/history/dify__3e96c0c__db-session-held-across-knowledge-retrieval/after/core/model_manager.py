# Reduced from langgenius/dify, api/core/model_manager.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from collections.abc import Callable
from typing import Any, Optional, cast

from core.model_runtime.model_providers.__base.text_embedding_model import TextEmbeddingModel

# (reduced: core/provider_manager.py, which loads the tenant's provider configuration, is not part of the reduction)
from core.provider_manager import ProviderManager


class ModelInstance:
    """
    Model instance class
    """

    def __init__(self, provider_model_bundle, model: str) -> None:
        self.provider_model_bundle = provider_model_bundle
        self.model = model
        self.provider = provider_model_bundle.configuration.provider.provider
        self.credentials = provider_model_bundle.configuration.get_current_credentials(
            model_type=provider_model_bundle.model_type_instance.model_type, model=model
        )
        self.model_type_instance = self.provider_model_bundle.model_type_instance
        # (reduced: the load-balancing manager is cut)
        self.load_balancing_manager = None

    def invoke_text_embedding(
        self, texts: list[str], user: Optional[str] = None, input_type: str = "document"
    ) -> dict:
        """
        Invoke large language model

        :param texts: texts to embed
        :param user: unique user id
        :param input_type: input type
        :return: embeddings result
        """
        if not isinstance(self.model_type_instance, TextEmbeddingModel):
            raise Exception("Model type instance is not TextEmbeddingModel")

        self.model_type_instance = cast(TextEmbeddingModel, self.model_type_instance)
        return cast(
            dict,
            self._round_robin_invoke(
                function=self.model_type_instance.invoke,
                model=self.model,
                credentials=self.credentials,
                texts=texts,
                user=user,
                input_type=input_type,
            ),
        )

    def _round_robin_invoke(self, function: Callable[..., Any], *args, **kwargs):
        """
        Round-robin invoke
        (reduced: the load-balancing loop over provider credentials is cut)
        :param function: function to invoke
        :param args: function args
        :param kwargs: function kwargs
        :return:
        """
        if not self.load_balancing_manager:
            return function(*args, **kwargs)
        raise NotImplementedError


class ModelManager:
    def __init__(self) -> None:
        self._provider_manager = ProviderManager()

    def get_model_instance(self, tenant_id: str, provider: str, model_type: str, model: str) -> ModelInstance:
        """
        Get model instance
        :param tenant_id: tenant id
        :param provider: provider name
        :param model_type: model type
        :param model: model name
        :return:
        """
        provider_model_bundle = self._provider_manager.get_provider_model_bundle(
            tenant_id=tenant_id, provider=provider, model_type=model_type
        )

        return ModelInstance(provider_model_bundle, model)
