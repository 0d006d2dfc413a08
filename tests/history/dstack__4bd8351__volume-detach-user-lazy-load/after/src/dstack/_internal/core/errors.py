# From dstackai/dstack, src/dstack/_internal/core/errors.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
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
