# Reduced from langgenius/dify, api/configs/__init__.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from typing import Optional

from pydantic import Field
from pydantic_settings import BaseSettings


class DifyConfig(BaseSettings):
    # (reduced: api/configs/app_config.py assembles many setting groups; only the ones used here are kept)
    DEBUG: bool = Field(
        description="Enable debug mode for additional logging and development features",
        default=False,
    )

    SSRF_PROXY_HTTP_URL: Optional[str] = Field(
        description="Proxy URL for HTTP requests to prevent Server-Side Request Forgery (SSRF)",
        default=None,
    )

    SSRF_PROXY_HTTPS_URL: Optional[str] = Field(
        description="Proxy URL for HTTPS requests to prevent Server-Side Request Forgery (SSRF)",
        default=None,
    )


dify_config = DifyConfig()
