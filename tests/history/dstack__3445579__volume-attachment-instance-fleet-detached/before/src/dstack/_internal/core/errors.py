# From dstackai/dstack, src/dstack/_internal/core/errors.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
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


class BackendError(DstackError):
    pass


class BackendNotAvailable(BackendError):
    pass
