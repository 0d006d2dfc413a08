# Reduced from langflow-ai/langflow, src/backend/langflow/database/base.py, at b64d43fe22e245ba27935315a6320d8ae3088340 (parent of fix 4307c24c6df62e944326cf42fc6dd576b271c861).
from contextlib import contextmanager
from langflow.settings import settings
from sqlmodel import SQLModel, Session, create_engine
from langflow.utils.logger import logger

if settings.database_url and settings.database_url.startswith("sqlite"):
    connect_args = {"check_same_thread": False}
else:
    connect_args = {}
if not settings.database_url:
    raise RuntimeError("No database_url provided")
engine = create_engine(settings.database_url, connect_args=connect_args)


def create_db_and_tables():
    logger.debug("Creating database and tables")
    try:
        SQLModel.metadata.create_all(engine)
    except Exception as exc:
        logger.error(f"Error creating database and tables: {exc}")
        raise RuntimeError("Error creating database and tables") from exc


@contextmanager
def session_getter():
    try:
        session = Session(engine)
        yield session
    except Exception as e:
        print("Session rollback because of exception:", e)
        session.rollback()
        raise
    finally:
        session.close()


def get_session():
    with session_getter() as session:
        yield session
