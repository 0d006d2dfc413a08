# From letta-ai/letta, letta/settings.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from typing import Optional

from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    pg_uri: Optional[str] = None
    pg_echo: bool = False
    pool_pre_ping: bool = True
    pg_pool_size: int = 25
    pg_max_overflow: int = 10
    pg_pool_timeout: int = 30
    pg_pool_recycle: int = 1800

    @property
    def letta_pg_uri(self) -> str:
        return self.pg_uri or "postgresql://letta:letta@localhost:5432/letta"

    @property
    def letta_pg_uri_no_default(self) -> Optional[str]:
        return self.pg_uri


settings = Settings()
