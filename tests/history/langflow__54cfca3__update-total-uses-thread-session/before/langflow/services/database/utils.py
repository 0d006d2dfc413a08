# Reduced from langflow-ai/langflow, src/backend/langflow/services/database/utils.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
from contextlib import contextmanager
from typing import TYPE_CHECKING

from sqlmodel import Session

if TYPE_CHECKING:
    from langflow.services.database.manager import DatabaseManager


@contextmanager
def session_getter(db_manager: "DatabaseManager"):
    try:
        session = Session(db_manager.engine)
        yield session
    except Exception as e:
        print("Session rollback because of exception:", e)
        session.rollback()
        raise
    finally:
        session.close()
