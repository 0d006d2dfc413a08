# From dstackai/dstack, src/dstack/_internal/core/errors.py (fix a1c2b97c180a3afe6099e42999aca4b94d74393d; before/ is its parent), reduced.
class DstackError(Exception):
    pass


class ServerError(DstackError):
    pass


class ServerClientError(ServerError):
    msg = ""

    def __init__(self, msg: str = ""):
        super().__init__(msg)
        if msg:
            self.msg = msg


class ResourceNotExistsError(ServerClientError):
    msg = "Resource not found"
