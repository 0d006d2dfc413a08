# Reduced from langflow-ai/langflow, src/backend/langflow/interface/run.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
from langflow.utils.logger import logger


def build_sorted_vertices_with_caching(data_graph):
    """
    Build langchain object from data_graph.
    """

    logger.debug("Building langchain object")
    # reduced: Graph.from_payload(data_graph), topological sort and vertex builds are cut
    return data_graph["nodes"], {}
