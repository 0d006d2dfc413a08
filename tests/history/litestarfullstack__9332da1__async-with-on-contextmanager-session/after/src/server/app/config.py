# From litestar-org/litestar-fullstack, src/server/app/config.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
from pydantic import BaseSettings


class DatabaseSettings(BaseSettings):
    class Config:
        env_prefix = "DB_"
        case_sensitive = True

    ECHO: bool = False
    ECHO_POOL: bool | str = False
    POOL_DISABLE: bool = False
    POOL_MAX_OVERFLOW: int = 10
    POOL_SIZE: int = 5
    POOL_TIMEOUT: int = 30
    POOL_RECYCLE: int = 300
    POOL_PRE_PING: bool = False
    CONNECT_ARGS: dict = {}
    URL: str = "postgresql+asyncpg://postgres:mysecretpassword@localhost:5432/db"


class Settings:
    db = DatabaseSettings()


settings = Settings()
