# From open-webui/open-webui, backend/open_webui/constants.py (fix 826e9ab317d5376c6eeb93870481dad3bf99ae96; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
