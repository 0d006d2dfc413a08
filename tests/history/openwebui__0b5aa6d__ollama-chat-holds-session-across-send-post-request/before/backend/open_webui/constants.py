# From open-webui/open-webui, backend/open_webui/constants.py (fix 0b5aa6dd60c5502ad98a0bea903142763a1e3f91; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    NOT_FOUND = "We could not find what you're looking for :/"
    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
    MODEL_NOT_FOUND = lambda name="": f"Model '{name}' was not found"
