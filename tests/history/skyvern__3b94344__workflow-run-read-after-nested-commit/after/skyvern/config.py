# From Skyvern-AI/skyvern, skyvern/config.py (fix 3b94344b35fe29abaa1925ac75bfb81f95e814c9; before/ is its parent), reduced.
from pydantic_settings import BaseSettings


class Settings(BaseSettings):
    DATABASE_STRING: str = "postgresql+psycopg://skyvern@localhost/skyvern"
    DEBUG_MODE: bool = False
    ENABLE_LOG_ARTIFACTS: bool = False


settings = Settings()
