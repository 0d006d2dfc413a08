# From mozilla-ai/clawbolt, backend/app/config.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent), reduced.
import logging

from pydantic import SecretStr
from pydantic_settings import BaseSettings

logger = logging.getLogger(__name__)


class Settings(BaseSettings):
    log_level: str = "INFO"
    data_dir: str = "data/users"
    database_url: str = "postgresql://clawbolt:clawbolt@localhost:5432/clawbolt"
    premium_plugin: str = ""
    encryption_key: SecretStr = SecretStr("")


settings = Settings()
