# Reduced from langgenius/dify, api/core/rag/embedding/embedding_base.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from abc import ABC, abstractmethod


class Embeddings(ABC):
    """Interface for embedding models."""

    @abstractmethod
    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """Embed search docs."""
        raise NotImplementedError

    @abstractmethod
    def embed_query(self, text: str) -> list[float]:
        """Embed query text."""
        raise NotImplementedError
