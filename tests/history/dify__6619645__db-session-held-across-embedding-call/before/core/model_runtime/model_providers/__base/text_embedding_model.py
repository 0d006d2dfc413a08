# Reduced from langgenius/dify, api/core/model_runtime/model_providers/__base/text_embedding_model.py at a5387b304e5cb74bf803a6811ca8aa0747ef3e9d (parent of fix 66196459d5a9737f65464f257ffa89011fa96c0f)
from pydantic import ConfigDict

from core.model_runtime.model_providers.__base.ai_model import AIModel


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
        user: str | None = None,
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
        from core.plugin.impl.model import PluginModelClient

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
