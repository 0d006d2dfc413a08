# From polarsource/polar, server/polar/config.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    DATABASE_POOL_SIZE: int = 5
    DATABASE_POOL_RECYCLE_SECONDS: int = 600
    DATABASE_COMMAND_TIMEOUT_SECONDS: float = 30.0
    SQLALCHEMY_DEBUG: bool = False
    POSTGRES_DSN: str = "postgresql+asyncpg://polar:polar@127.0.0.1:5432/polar"
    REDIS_URL: str = "redis://127.0.0.1:6379"

    def get_postgres_dsn(self, driver: str) -> str:
        return self.POSTGRES_DSN


settings = Settings()
