# Reduced from langflow-ai/langflow, src/backend/langflow/services/database/manager.py, at 54cfca3dd6c990d0d1eebc01689366f82b9ebb87 (the fix).
from typing import TYPE_CHECKING

from sqlmodel import Session, create_engine

from langflow.services.base import Service
from langflow.services.database import models  # noqa

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class DatabaseManager(Service):
    name = "database_manager"

    def __init__(self, database_url: str):
        self.database_url = database_url
        self.engine = self._create_engine()

    def _create_engine(self) -> "Engine":
        """Create the engine for the database."""
        if self.database_url.startswith("sqlite"):
            connect_args = {"check_same_thread": False}
        else:
            connect_args = {}
        return create_engine(self.database_url, connect_args=connect_args)

    def get_session(self):
        with Session(self.engine) as session:
            yield session
