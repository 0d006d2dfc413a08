# Reduced from langgenius/dify, api/core/rag/embedding/embedding_base.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
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
