# Reduced from langflow-ai/langflow, src/backend/langflow/settings.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
import os
from typing import Optional

from pydantic import BaseSettings, root_validator


class Settings(BaseSettings):
    database_url: Optional[str] = None

    @root_validator(pre=True)
    def set_database_url(cls, values):
        if "database_url" not in values:
            if langflow_database_url := os.getenv("LANGFLOW_DATABASE_URL"):
                values["database_url"] = langflow_database_url
            else:
                values["database_url"] = "sqlite:///./langflow.db"
        return values


settings = Settings()
