# From open-webui/open-webui, backend/open_webui/constants.py (fix 242625782f03a2ee9c529b4df69a9d55481e6854; before/ is its parent), reduced.
from enum import Enum


class ERROR_MESSAGES(str, Enum):
    def __str__(self) -> str:
        return super().__str__()

    NOT_FOUND = "We could not find what you're looking for :/"
    ACCESS_PROHIBITED = "You do not have permission to access this resource. Please contact your administrator for assistance."
