# From letta-ai/letta, letta/settings.py (fix 369274a2194756d73198e4e3c8124971ba805f63; before/ is its parent), reduced.
from typing import Optional

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    letta_pg_uri: Optional[str] = None
    pg_echo: bool = False
    pool_pre_ping: bool = True
    pg_pool_size: int = 25
    pg_max_overflow: int = 10
    pg_pool_timeout: int = 30
    pg_pool_recycle: int = 1800
    disable_sqlalchemy_pooling: bool = False


settings = Settings()
