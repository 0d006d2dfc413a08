# Reduced from langgenius/dify, api/core/extension/extensible.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
import enum
import logging
from typing import Any, Optional

from pydantic import BaseModel

logger = logging.getLogger(__name__)


class ExtensionModule(enum.Enum):
    MODERATION = "moderation"
    EXTERNAL_DATA_TOOL = "external_data_tool"


class ModuleExtension(BaseModel):
    extension_class: Optional[Any] = None
    name: str
    label: Optional[dict] = None
    form_schema: Optional[list] = None
    builtin: bool = True
    position: Optional[int] = None


class Extensible:
    module: ExtensionModule

    name: str
    tenant_id: str
    config: Optional[dict] = None

    def __init__(self, tenant_id: str, config: Optional[dict] = None) -> None:
        self.tenant_id = tenant_id
        self.config = config

    @classmethod
    def scan_extensions(cls):
        # (reduced: imports every sub-package of the module's package (core/moderation/api,
        #  keywords, openai_moderation, ...) and collects its subclass of cls; cut)
        raise NotImplementedError
