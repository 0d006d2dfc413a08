# Reduced from langgenius/dify, api/core/app/apps/advanced_chat/app_config_manager.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from core.app.app_config.entities import WorkflowUIBasedAppConfig


class AdvancedChatAppConfig(WorkflowUIBasedAppConfig):
    """
    Advanced Chatbot App Config Entity.
    """

    pass


# (reduced: AdvancedChatAppConfigManager is cut)
