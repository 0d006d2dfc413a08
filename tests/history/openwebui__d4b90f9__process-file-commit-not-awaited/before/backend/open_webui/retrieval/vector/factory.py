# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
class VectorDBClient:
    def has_collection(self, collection_name: str) -> bool:
        return False

    def delete_collection(self, collection_name: str) -> None:
        pass

    def query(self, collection_name: str, filter: dict):
        return None

    def insert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
