# Reduced from langgenius/dify, api/configs/__init__.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from pydantic import Field
from pydantic_settings import BaseSettings


class DifyConfig(BaseSettings):
    # (reduced: api/configs/app_config.py assembles many setting groups; only the plugin daemon's are kept)
    PLUGIN_DAEMON_URL: str = Field(description="Plugin API URL", default="http://localhost:5002")
    PLUGIN_DAEMON_KEY: str = Field(description="Plugin API key", default="plugin-api-key")


dify_config = DifyConfig()  # type: ignore
