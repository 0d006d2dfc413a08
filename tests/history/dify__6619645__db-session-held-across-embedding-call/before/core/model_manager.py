# Reduced from langgenius/dify, api/core/model_manager.py at a5387b304e5cb74bf803a6811ca8aa0747ef3e9d (parent of fix 66196459d5a9737f65464f257ffa89011fa96c0f)
from collections.abc import Callable
from typing import Any, cast

from core.model_runtime.model_providers.__base.text_embedding_model import TextEmbeddingModel


class ModelInstance:
    """
    Model instance class
    """

    def __init__(self, provider_model_bundle, model: str):
        self.provider_model_bundle = provider_model_bundle
        self.model = model
        self.provider = provider_model_bundle.configuration.provider.provider
        self.credentials = provider_model_bundle.configuration.get_current_credentials(
            model_type=provider_model_bundle.model_type_instance.model_type, model=model
        )
        self.model_type_instance = self.provider_model_bundle.model_type_instance
        # (reduced: the load-balancing manager is cut)
        self.load_balancing_manager = None

    def invoke_text_embedding(self, texts: list[str], user: str | None = None, input_type: str = "document") -> dict:
        """
        Invoke large language model

        :param texts: texts to embed
        :param user: unique user id
        :param input_type: input type
        :return: embeddings result
        """
        if not isinstance(self.model_type_instance, TextEmbeddingModel):
            raise Exception("Model type instance is not TextEmbeddingModel")
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
