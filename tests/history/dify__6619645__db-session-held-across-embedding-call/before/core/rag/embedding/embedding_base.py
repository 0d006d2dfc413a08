# Reduced from langgenius/dify, api/core/rag/embedding/embedding_base.py at a5387b304e5cb74bf803a6811ca8aa0747ef3e9d (parent of fix 66196459d5a9737f65464f257ffa89011fa96c0f)
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
