# From Agenta-AI/agenta, api/oss/src/utils/env.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
import os

from pydantic import BaseModel


class PostgresConfig(BaseModel):
    uri_core: str = os.getenv("POSTGRES_URI_CORE") or "postgresql+asyncpg://username:password@postgres:5432/agenta_oss_core"
    uri_tracing: str = os.getenv("POSTGRES_URI_TRACING") or "postgresql+asyncpg://username:password@postgres:5432/agenta_oss_tracing"


class EnvironSettings(BaseModel):
    postgres: PostgresConfig = PostgresConfig()


env = EnvironSettings()
