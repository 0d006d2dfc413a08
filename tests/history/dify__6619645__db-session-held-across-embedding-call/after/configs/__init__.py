# Reduced from langgenius/dify, api/configs/__init__.py at 66196459d5a9737f65464f257ffa89011fa96c0f (the fix)
from pydantic import Field
from pydantic_settings import BaseSettings


class DifyConfig(BaseSettings):
    # (reduced: api/configs/app_config.py assembles many setting groups; only the plugin daemon's are kept)
    PLUGIN_DAEMON_URL: str = Field(description="Plugin API URL", default="http://localhost:5002")
    PLUGIN_DAEMON_KEY: str = Field(description="Plugin API key", default="plugin-api-key")


dify_config = DifyConfig()  # type: ignore
