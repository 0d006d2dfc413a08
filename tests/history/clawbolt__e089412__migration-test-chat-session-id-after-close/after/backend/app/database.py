# From mozilla-ai/clawbolt, backend/app/database.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent), reduced.
import threading

from sqlalchemy import Engine, create_engine
from sqlalchemy.orm import DeclarativeBase, Session, sessionmaker

from .config import settings

_engine: Engine | None = None
_SessionLocal: sessionmaker[Session] | None = None
_lock = threading.RLock()


def get_engine() -> Engine:
    """Return the singleton engine, creating it on first call."""
    global _engine
    if _engine is None:
        with _lock:
            if _engine is None:
                _engine = create_engine(settings.database_url, pool_pre_ping=True)
    return _engine


def get_session_factory() -> sessionmaker[Session]:
    """Return the singleton session factory, creating it on first call."""
    global _SessionLocal
    if _SessionLocal is None:
        with _lock:
            if _SessionLocal is None:
                _SessionLocal = sessionmaker(autocommit=False, autoflush=False, bind=get_engine())
    return _SessionLocal


# Convenience alias for direct use outside of FastAPI dependency injection
def SessionLocal() -> Session:
    """Create a new session from the singleton factory."""
    return get_session_factory()()


class Base(DeclarativeBase):
    pass
