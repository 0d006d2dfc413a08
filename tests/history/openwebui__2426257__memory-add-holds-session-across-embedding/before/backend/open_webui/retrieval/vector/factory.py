# From open-webui/open-webui, backend/open_webui/retrieval/vector/factory.py (fix 242625782f03a2ee9c529b4df69a9d55481e6854; before/ is its parent), reduced.
class VectorDBClient:
    def delete_collection(self, collection_name: str) -> None:
        pass

    def upsert(self, collection_name: str, items: list) -> None:
        pass


VECTOR_DB_CLIENT = VectorDBClient()
