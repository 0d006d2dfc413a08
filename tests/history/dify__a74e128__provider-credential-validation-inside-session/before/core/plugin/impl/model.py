# Reduced from langgenius/dify, api/core/plugin/impl/model.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
from typing import Any

from pydantic import BaseModel

from core.plugin.impl.base import BasePluginClient


class PluginBasicBooleanResponse(BaseModel):
    """
    Basic boolean response from plugin daemon.
    (reduced: moved here from core/plugin/entities/plugin_daemon.py)
    """

    result: bool
    credentials: dict | None = None


class PluginModelClient(BasePluginClient):
    @staticmethod
    def _dispatch_payload(*, user_id: str | None, data: dict[str, Any]) -> dict[str, Any]:
        payload: dict[str, Any] = {"data": data}
        if user_id is not None:
            payload["user_id"] = user_id
        return payload

    def validate_provider_credentials(
        self, tenant_id: str, user_id: str | None, plugin_id: str, provider: str, credentials: dict[str, Any]
    ) -> bool:
        """
        validate the credentials of the provider
        """
        response = self._request_with_plugin_daemon_response_stream(
            "POST",
            f"plugin/{tenant_id}/dispatch/model/validate_provider_credentials",
            PluginBasicBooleanResponse,
            data=self._dispatch_payload(
                user_id=user_id,
                data={
                    "provider": provider,
                    "credentials": credentials,
                },
            ),
            headers={
                "X-Plugin-ID": plugin_id,
                "Content-Type": "application/json",
            },
        )

        for resp in response:
            if resp.credentials and isinstance(resp.credentials, dict):
                credentials.update(resp.credentials)

            return resp.result

        return False
