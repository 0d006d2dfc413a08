# Reduced from langgenius/dify, api/core/rag/retrieval/dataset_retrieval.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
import threading
from typing import Any, Optional

from flask import Flask, current_app
from sqlalchemy.orm import Session

from core.rag.datasource.retrieval_service import RetrievalService
from extensions.ext_database import db
from models.dataset import Dataset

default_retrieval_model: dict[str, Any] = {
    "search_method": "semantic_search",
    "reranking_enable": False,
    "reranking_model": {"reranking_provider_name": "", "reranking_model_name": ""},
    "top_k": 2,
    "score_threshold_enabled": False,
}


class DatasetRetrieval:
    def multiple_retrieve(
        self,
        app_id: str,
        tenant_id: str,
        user_id: str,
        user_from: str,
        available_datasets: list,
        query: str,
        top_k: int,
        score_threshold: float,
        reranking_mode: str,
        reranking_model: Optional[dict] = None,
        weights: Optional[dict[str, Any]] = None,
        reranking_enable: bool = True,
        message_id: Optional[str] = None,
    ):
        if not available_datasets:
            return []
        threads = []
        all_documents: list = []
        # (reduced: the indexing-technique and embedding-model checks, metadata filters and reranking are cut)
        for dataset in available_datasets:
            retrieval_thread = threading.Thread(
                target=self._retriever,
                kwargs={
                    "flask_app": current_app._get_current_object(),  # type: ignore
                    "dataset_id": dataset.id,
                    "query": query,
                    "top_k": top_k,
                    "all_documents": all_documents,
                },
            )
            threads.append(retrieval_thread)
            retrieval_thread.start()
        for thread in threads:
            thread.join()

        all_documents = all_documents[:top_k] if top_k else all_documents

        return all_documents

    def _retriever(
        self,
        flask_app: Flask,
        dataset_id: str,
        query: str,
        top_k: int,
        all_documents: list,
        document_ids_filter: Optional[list[str]] = None,
    ):
        with flask_app.app_context():
            with Session(db.engine) as session:
                dataset = session.query(Dataset).filter(Dataset.id == dataset_id).first()

            if not dataset:
                return []

            # (reduced: the branch for external knowledge bases is cut)
            # get retrieval model , if the model is not setting , using default
            retrieval_model = dataset.retrieval_model or default_retrieval_model

            if top_k > 0:
                # retrieval source
                documents = RetrievalService.retrieve(
                    retrieval_method=retrieval_model["search_method"],
                    dataset_id=dataset.id,
                    query=query,
                    top_k=retrieval_model.get("top_k") or 2,
                    score_threshold=retrieval_model.get("score_threshold", 0.0)
                    if retrieval_model["score_threshold_enabled"]
                    else 0.0,
                    reranking_model=retrieval_model.get("reranking_model", None)
                    if retrieval_model["reranking_enable"]
                    else None,
                    reranking_mode=retrieval_model.get("reranking_mode") or "reranking_model",
                    weights=retrieval_model.get("weights", None),
                    document_ids_filter=document_ids_filter,
                )

                all_documents.extend(documents)
