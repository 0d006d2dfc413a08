# Reduced from langgenius/dify, api/core/workflow/nodes/knowledge_retrieval/knowledge_retrieval_node.py at 6eb155ae69e1a8d8b0cd21d32ccd0a991700c341 (parent of fix 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7)
import logging
from typing import Any

from sqlalchemy import func

from core.rag.retrieval.dataset_retrieval import DatasetRetrieval
from extensions.ext_database import db
from models.dataset import Dataset, Document

logger = logging.getLogger(__name__)


class KnowledgeRetrievalNode:
    # (reduced: the LLMNode base class, the node-data entities and NodeRunResult are cut; the node
    #  runs in a graph-engine worker thread with tenant_id, user_id, app_id, user_from and node_data set)

    def _run(self) -> dict:  # type: ignore
        node_data = self.node_data
        # extract variables
        query = self.graph_runtime_state.variable_pool.get(node_data.query_variable_selector).value
        variables = {"query": query}
        if not query:
            return {"status": "failed", "inputs": variables, "error": "Query is required."}
        # (reduced: the knowledge rate-limit check is cut)

        # retrieve knowledge
        try:
            results = self._fetch_dataset_retriever(node_data=node_data, query=query)
            outputs = {"result": results}
            return {"status": "succeeded", "inputs": variables, "outputs": outputs}

        # Temporary handle all exceptions from DatasetRetrieval class here.
        except Exception as e:
            return {"status": "failed", "inputs": variables, "error": str(e), "error_type": type(e).__name__}

    def _fetch_dataset_retriever(self, node_data, query: str) -> list[dict[str, Any]]:
        available_datasets = []
        dataset_ids = node_data.dataset_ids

        # Subquery: Count the number of available documents for each dataset
        subquery = (
            db.session.query(Document.dataset_id, func.count(Document.id).label("available_document_count"))
            .filter(
                Document.indexing_status == "completed",
                Document.enabled == True,
                Document.archived == False,
                Document.dataset_id.in_(dataset_ids),
            )
            .group_by(Document.dataset_id)
            .having(func.count(Document.id) > 0)
            .subquery()
        )

        results = (
            db.session.query(Dataset)
            .outerjoin(subquery, Dataset.id == subquery.c.dataset_id)
            .filter(Dataset.tenant_id == self.tenant_id, Dataset.id.in_(dataset_ids))
            .filter((subquery.c.available_document_count > 0) | (Dataset.provider == "external"))
            .all()
        )

        for dataset in results:
            # pass if dataset is not available
            if not dataset:
                continue
            available_datasets.append(dataset)
        # (reduced: metadata filtering and the single-retrieval mode, an LLM-routed retrieval, are cut)
        all_documents = []
        dataset_retrieval = DatasetRetrieval()
        if node_data.multiple_retrieval_config is None:
            raise ValueError("multiple_retrieval_config is required")
        all_documents = dataset_retrieval.multiple_retrieve(  # DBS018
            app_id=self.app_id,
            tenant_id=self.tenant_id,
            user_id=self.user_id,
            user_from=self.user_from.value,
            available_datasets=available_datasets,
            query=query,
            top_k=node_data.multiple_retrieval_config.top_k,
            score_threshold=node_data.multiple_retrieval_config.score_threshold
            if node_data.multiple_retrieval_config.score_threshold is not None
            else 0.0,
            reranking_mode=node_data.multiple_retrieval_config.reranking_mode,
            reranking_enable=node_data.multiple_retrieval_config.reranking_enable,
        )
        return [{"content": document.page_content, "metadata": document.metadata} for document in all_documents]
