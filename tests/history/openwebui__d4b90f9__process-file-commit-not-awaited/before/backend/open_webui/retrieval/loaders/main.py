# From open-webui/open-webui, backend/open_webui/retrieval/loaders/main.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
from langchain_core.documents import Document


class Loader:
    def __init__(self, engine: str = '', user=None, **kwargs):
        self.engine = engine
        self.user = user
        self.kwargs = kwargs

    def load(self, filename: str, file_content_type: str, file_path: str) -> list[Document]:
        with open(file_path, encoding='utf-8', errors='ignore') as f:
            return [Document(page_content=f.read(), metadata={'source': filename})]
