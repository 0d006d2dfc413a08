# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix 826e9ab317d5376c6eeb93870481dad3bf99ae96; before/ is its parent), reduced.
# (reduced: Vector.get_vector(VECTOR_DB) returns one of the vector-store clients -- Chroma, pgvector,
# Qdrant, ...; a stub with the one method the reduction calls stands for it)
class VectorDBClient:
    def upsert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
