# From open-webui/open-webui, backend/open_webui/constants.py (fix 9e596f861651766a1b7d043bb4a989d0dba61bc5; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    NOT_FOUND = "We could not find what you're looking for :/"
    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
    MODEL_NOT_FOUND = lambda name="": f"Model '{name}' was not found"
