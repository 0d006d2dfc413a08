# From langflow-ai/langflow, src/backend/langflow/services/database/utils.py (fix 479a80863448b1f9ae7d747d67cf0451c2485a8b; before/ is its parent), reduced.
from typing import TYPE_CHECKING
from contextlib import contextmanager
from sqlmodel import Session

if TYPE_CHECKING:
    from langflow.services.database.manager import DatabaseService


@contextmanager
def session_getter(db_service: "DatabaseService"):
    try:
        session = Session(db_service.engine)
        yield session
    except Exception as e:
        print("Session rollback because of exception:", e)
        session.rollback()
        raise
    finally:
        session.close()
