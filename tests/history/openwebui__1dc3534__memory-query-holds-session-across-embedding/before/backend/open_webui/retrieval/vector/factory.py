# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix 1dc353433a9f9a0ce945f1cc0e4db708da6f208e; before/ is its parent), reduced.
class VectorDBClient:
    def delete_collection(self, collection_name: str) -> None:
        pass

    def upsert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
