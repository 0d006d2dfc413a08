# From langflow-ai/langflow, src/backend/langflow/services/database/manager.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from typing import TYPE_CHECKING
from langflow.services.getters import get_settings_service
from sqlmodel import Session, create_engine

if TYPE_CHECKING:
    from sqlalchemy.engine import Engine


class DatabaseService:
    name = "database_service"

    def __init__(self, database_url: str):
        self.database_url = database_url
        self.engine = self._create_engine()

    def _create_engine(self) -> "Engine":
        """Create the engine for the database."""
        settings_service = get_settings_service()
        if (
            settings_service.settings.DATABASE_URL
            and settings_service.settings.DATABASE_URL.startswith("sqlite")
        ):
            connect_args = {"check_same_thread": False}
        else:
            connect_args = {}
        return create_engine(self.database_url, connect_args=connect_args)

    def get_session(self):
        with Session(self.engine) as session:
            yield session

    def run_migrations(self):
        ...

    def run_migrations_test(self):
        ...
