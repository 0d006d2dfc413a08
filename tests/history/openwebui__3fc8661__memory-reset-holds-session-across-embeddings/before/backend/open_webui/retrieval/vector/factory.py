# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix 3fc866117da65c4a3e05e1a2add40b193933fd97; before/ is its parent), reduced.
class VectorDBClient:
    def delete_collection(self, collection_name: str) -> None:
        pass

    def upsert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
