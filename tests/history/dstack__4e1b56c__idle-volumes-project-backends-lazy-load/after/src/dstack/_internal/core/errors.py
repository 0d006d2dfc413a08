# From dstackai/dstack, src/dstack/_internal/core/errors.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
class DstackError(Exception):
    pass


class ServerError(DstackError):
    pass


class BackendError(DstackError):
    pass


class BackendNotAvailable(BackendError):
    pass


class BackendInvalidCredentialsError(BackendError):
    pass
