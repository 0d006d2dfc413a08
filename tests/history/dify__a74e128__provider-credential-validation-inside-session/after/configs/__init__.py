# Reduced from langgenius/dify, api/configs/__init__.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
from pydantic import Field, HttpUrl, PositiveFloat
from pydantic_settings import BaseSettings


class DifyConfig(BaseSettings):
    # (reduced: api/configs/app_config.py assembles many setting groups; only the plugin daemon's are kept)
    PLUGIN_DAEMON_URL: HttpUrl = Field(
        description="Plugin API URL",
        default=HttpUrl("http://localhost:5002"),
    )

    PLUGIN_DAEMON_KEY: str = Field(
        description="Plugin API key",
        default="plugin-api-key",
    )

    PLUGIN_DAEMON_TIMEOUT: PositiveFloat | None = Field(
        description="Timeout in seconds for requests to the plugin daemon (set to None to disable)",
        default=600.0,
    )


dify_config = DifyConfig()  # type: ignore
