# From dstackai/dstack, src/dstack/_internal/core/models/users.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
import enum


class GlobalRole(str, enum.Enum):
    ADMIN = "admin"
    USER = "user"


class ProjectRole(str, enum.Enum):
    ADMIN = "admin"
    MANAGER = "manager"
    USER = "user"
