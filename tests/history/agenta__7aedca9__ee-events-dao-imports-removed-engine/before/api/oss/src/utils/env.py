# From Agenta-AI/agenta, api/oss/src/utils/env.py (fix 7aedca98e39927397a6dfcfb4e3c6d1683a991e0; before/ is its parent), reduced.
import os

from pydantic import BaseModel, ConfigDict


_LICENSE = "ee" if os.getenv("AGENTA_LICENSE") == "ee" else "oss"


class PostgresConfig(BaseModel):
    """PostgreSQL database configuration"""

    uri_core: str = os.getenv("POSTGRES_URI_CORE") or (
        f"postgresql+asyncpg://username:password@postgres:5432/agenta_{_LICENSE}_core"
    )
    uri_tracing: str = os.getenv("POSTGRES_URI_TRACING") or (
        f"postgresql+asyncpg://username:password@postgres:5432/agenta_{_LICENSE}_tracing"
    )
    uri_supertokens: str = os.getenv("POSTGRES_URI_SUPERTOKENS") or (
        f"postgresql://username:password@postgres:5432/agenta_{_LICENSE}_supertokens"
    )

    username: str = os.getenv("POSTGRES_USER") or "username"
    password: str = os.getenv("POSTGRES_PASSWORD") or "password"

    model_config = ConfigDict(extra="ignore")


class EnvironSettings(BaseModel):
    postgres: PostgresConfig = PostgresConfig()


env = EnvironSettings()
