# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix 33e8a098809860c9f663d7729155686b1788ddaf; before/ is its parent), reduced.
class VectorDBClient:
    def delete_collection(self, collection_name: str) -> None:
        pass

    def upsert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
