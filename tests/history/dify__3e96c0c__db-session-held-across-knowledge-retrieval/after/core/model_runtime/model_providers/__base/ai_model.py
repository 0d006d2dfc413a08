# Reduced from langgenius/dify, api/core/model_runtime/model_providers/__base/ai_model.py at 3e96c0c4689e8dc8c2a75b56b0e082af86e6fae7 (the fix)
from pydantic import BaseModel, ConfigDict, Field


class AIModel(BaseModel):
    """
    Base class for all models.
    """

    tenant_id: str = Field(description="Tenant ID")
    model_type: str = Field(description="Model type")
    plugin_id: str = Field(description="Plugin ID")
    provider_name: str = Field(description="Provider")
    started_at: float = Field(description="Invoke start time", default=0)

    # pydantic configs
    model_config = ConfigDict(protected_namespaces=())

    def get_model_schema(self, model: str, credentials: dict | None = None) -> dict | None:
        """
        Get model schema by model name and credentials
        (reduced: the per-request schema cache in contexts.plugin_model_schemas is cut)

        :param model: model name
        :param credentials: model credentials
        :return: model schema
        """
        from core.plugin.impl.model import PluginModelClient

        plugin_model_manager = PluginModelClient()
        return plugin_model_manager.get_model_schema(
            tenant_id=self.tenant_id,
            user_id="unknown",
            plugin_id=self.plugin_id,
            provider=self.provider_name,
            model_type=self.model_type,
            model=model,
            credentials=credentials or {},
        )
