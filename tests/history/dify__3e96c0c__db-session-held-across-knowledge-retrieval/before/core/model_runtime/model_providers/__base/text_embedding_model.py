# Reduced from langgenius/dify, api/core/model_runtime/model_providers/__base/text_embedding_model.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
from typing import Optional

from pydantic import ConfigDict

from core.model_runtime.model_providers.__base.ai_model import AIModel
from core.plugin.impl.model import PluginModelClient


class TextEmbeddingModel(AIModel):
    """
    Model class for text embedding model.
    """

    model_type: str = "text-embedding"

    # pydantic configs
    model_config = ConfigDict(protected_namespaces=())

    def invoke(
        self,
        model: str,
        credentials: dict,
        texts: list[str],
        user: Optional[str] = None,
        input_type: str = "document",
    ) -> dict:
        """
        Invoke text embedding model

        :param model: model name
        :param credentials: model credentials
        :param texts: texts to embed
        :param user: unique user id
        :param input_type: input type
        :return: embeddings result
        """
        plugin_model_manager = PluginModelClient()
        return plugin_model_manager.invoke_text_embedding(
            tenant_id=self.tenant_id,
            user_id=user or "unknown",
            plugin_id=self.plugin_id,
            provider=self.provider_name,
            model=model,
            credentials=credentials,
            texts=texts,
            input_type=input_type,
        )
