# Reduced from langgenius/dify, api/core/rag/datasource/vdb/vector_factory.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
import logging
from typing import Any, Optional

from core.model_manager import ModelManager
from core.rag.embedding.cached_embedding import CacheEmbedding
from core.rag.embedding.embedding_base import Embeddings
from models.dataset import Dataset

logger = logging.getLogger(__name__)


class Vector:
    def __init__(self, dataset: Dataset, attributes: Optional[list] = None):
        if attributes is None:
            attributes = ["doc_id", "dataset_id", "document_id", "doc_hash"]
        self._dataset = dataset
        self._embeddings = self._get_embeddings()
        self._attributes = attributes
        self._vector_processor = self._init_vector()

    def _init_vector(self):
        # (reduced: picks the vector-store client (Weaviate, Qdrant, pgvector, ...) from
        #  dify_config.VECTOR_STORE or the dataset's index_struct; cut)
        raise NotImplementedError

    def search_by_vector(self, query: str, **kwargs: Any) -> list:
        query_vector = self._embeddings.embed_query(query)
        return self._vector_processor.search_by_vector(query_vector, **kwargs)

    def _get_embeddings(self) -> Embeddings:
        model_manager = ModelManager()

        embedding_model = model_manager.get_model_instance(
            tenant_id=self._dataset.tenant_id,
            provider=self._dataset.embedding_model_provider,
            model_type="text-embedding",
            model=self._dataset.embedding_model,
        )
        return CacheEmbedding(embedding_model)
