# From Agenta-AI/agenta, api/oss/src/dbs/postgres/shared/base.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent).
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.orm import registry


reg = registry()


class Base(DeclarativeBase):
    registry = reg
