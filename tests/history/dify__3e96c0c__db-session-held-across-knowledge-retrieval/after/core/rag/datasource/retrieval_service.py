# Reduced from langgenius/dify, api/core/rag/datasource/retrieval_service.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
import concurrent.futures
from concurrent.futures import ThreadPoolExecutor
from typing import Optional

from flask import Flask, current_app
from sqlalchemy.orm import Session

from core.rag.datasource.vdb.vector_factory import Vector
from extensions.ext_database import db
from models.dataset import Dataset


class RetrievalService:
    @classmethod
    def retrieve(
        cls,
        retrieval_method: str,
        dataset_id: str,
        query: str,
        top_k: int,
        score_threshold: Optional[float] = 0.0,
        reranking_model: Optional[dict] = None,
        reranking_mode: str = "reranking_model",
        weights: Optional[dict] = None,
        document_ids_filter: Optional[list[str]] = None,
    ):
        if not query:
            return []
        dataset = cls._get_dataset(dataset_id)
        if not dataset:
            return []

        all_documents: list = []
        exceptions: list[str] = []

        # Optimize multithreading with thread pools
        # (reduced: the keyword and full-text searches, submitted the same way, are cut)
        with ThreadPoolExecutor(max_workers=4) as executor:  # type: ignore
            futures = []
            futures.append(
                executor.submit(
                    cls.embedding_search,
                    flask_app=current_app._get_current_object(),  # type: ignore
                    dataset_id=dataset_id,
                    query=query,
                    top_k=top_k,
                    score_threshold=score_threshold,
                    reranking_model=reranking_model,
                    all_documents=all_documents,
                    retrieval_method=retrieval_method,
                    exceptions=exceptions,
                    document_ids_filter=document_ids_filter,
                )
            )
            concurrent.futures.wait(futures, timeout=30, return_when=concurrent.futures.ALL_COMPLETED)

        if exceptions:
            raise ValueError(";\n".join(exceptions))

        return all_documents

    @classmethod
    def _get_dataset(cls, dataset_id: str) -> Optional[Dataset]:
        with Session(db.engine) as session:
            return session.query(Dataset).filter(Dataset.id == dataset_id).first()

    @classmethod
    def embedding_search(
        cls,
        flask_app: Flask,
        dataset_id: str,
        query: str,
        top_k: int,
        score_threshold: Optional[float],
        reranking_model: Optional[dict],
        all_documents: list,
        retrieval_method: str,
        exceptions: list,
        document_ids_filter: Optional[list[str]] = None,
    ):
        with flask_app.app_context():
            try:
                dataset = cls._get_dataset(dataset_id)
                if not dataset:
                    raise ValueError("dataset not found")

                vector = Vector(dataset=dataset)
                documents = vector.search_by_vector(
                    query,
                    search_type="similarity_score_threshold",
                    top_k=top_k,
                    score_threshold=score_threshold,
                    filter={"group_id": [dataset.id]},
                    document_ids_filter=document_ids_filter,
                )

                if documents:
                    all_documents.extend(documents)
            except Exception as e:
                exceptions.append(str(e))
