# Reduced from langgenius/dify, api/core/app/apps/advanced_chat/app_config_manager.py at bd482eb8eff3ab44b2d6449d637e6cf6b834b6ad (parent of fix acd209a890507da03a7d2904da349225eb016381)
from core.app.app_config.entities import WorkflowUIBasedAppConfig


class AdvancedChatAppConfig(WorkflowUIBasedAppConfig):
    """
    Advanced Chatbot App Config Entity.
    """

    pass


# (reduced: AdvancedChatAppConfigManager is cut)
