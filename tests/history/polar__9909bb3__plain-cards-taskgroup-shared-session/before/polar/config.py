# From polarsource/polar, server/polar/config.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    DATABASE_POOL_SIZE: int = 5
    DATABASE_POOL_RECYCLE_SECONDS: int = 600
    DATABASE_COMMAND_TIMEOUT_SECONDS: float = 30.0
    SQLALCHEMY_DEBUG: bool = False
    POSTGRES_DSN: str = "postgresql+asyncpg://polar:polar@127.0.0.1:5432/polar"
    PLAIN_TOKEN: str | None = None
    PLAIN_REQUEST_SIGNING_SECRET: str | None = None

    def get_postgres_dsn(self, driver: str) -> str:
        return self.POSTGRES_DSN


settings = Settings()
