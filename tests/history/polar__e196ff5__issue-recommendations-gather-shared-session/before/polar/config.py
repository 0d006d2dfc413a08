# From polarsource/polar, server/polar/config.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from pydantic import BaseSettings


class Settings(BaseSettings):
    DEBUG: bool = False
    POSTGRES_SCHEME: str = "postgresql+asyncpg"
    postgres_dsn: str = "postgresql+asyncpg://polar:polar@127.0.0.1:5432/polar_development"


settings = Settings()
