# Reduced from langgenius/dify, api/core/rag/embedding/cached_embedding.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
import logging
from typing import Optional

import numpy as np

from core.model_manager import ModelInstance
from core.rag.embedding.embedding_base import Embeddings

logger = logging.getLogger(__name__)


class CacheEmbedding(Embeddings):
    def __init__(self, model_instance: ModelInstance, user: Optional[str] = None) -> None:
        self._model_instance = model_instance
        self._user = user

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed search docs in batches of 10.
        (reduced: the database-cached document embedding is cut)"""
        raise NotImplementedError

    def embed_query(self, text: str) -> list[float]:
        """Embed query text.
        (reduced: the redis cache of query embeddings is cut)"""
        embedding_result = self._model_instance.invoke_text_embedding(
            texts=[text], user=self._user, input_type="query"
        )

        embedding_results = embedding_result["embeddings"][0]
        embedding_results = (embedding_results / np.linalg.norm(embedding_results)).tolist()  # type: ignore
        if np.isnan(embedding_results).any():
            raise ValueError("Normalized embedding is nan please try again")

        return embedding_results  # type: ignore
