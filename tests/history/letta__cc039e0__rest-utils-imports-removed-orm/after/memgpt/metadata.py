# From letta-ai/letta, memgpt/metadata.py (fix cc039e0c5518aef1896a67b8beb220e69ffac637; before/ is its parent), reduced.
# At the parent of the fix the metadata store (memgpt/metadata.py) still owned the database
# session; the memgpt/orm package of the reverted ORM refactor (#1659, reverted by #1660) is gone.
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker


class MetadataStore:
    uri: str = None

    def __init__(self, config):
        self.uri = config.metadata_storage_uri
        self.engine = create_engine(self.uri)
        self.session_maker = sessionmaker(bind=self.engine)
