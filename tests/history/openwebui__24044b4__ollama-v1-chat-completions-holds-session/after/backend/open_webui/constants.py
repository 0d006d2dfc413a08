# From open-webui/open-webui, backend/open_webui/constants.py (fix 24044b42ea97f8fd855472b2c0abc497a813843b; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    NOT_FOUND = "We could not find what you're looking for :/"
    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
    MODEL_NOT_FOUND = lambda name="": f"Model '{name}' was not found"
