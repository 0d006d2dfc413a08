# From open-webui/open-webui, backend/open_webui/constants.py (fix 33e8a098809860c9f663d7729155686b1788ddaf; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    FILE_EXISTS = "Uh-oh! This file is already registered. Please choose another file."
    UNAUTHORIZED = "401 Unauthorized"
    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
    NOT_FOUND = "We could not find what you're looking for :/"
