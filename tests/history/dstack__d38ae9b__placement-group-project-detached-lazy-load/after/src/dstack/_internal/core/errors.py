# From dstackai/dstack, src/dstack/_internal/core/errors.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
class DstackError(Exception):
    pass


class BackendError(DstackError):
    pass


class PlacementGroupNotSupportedError(BackendError):
    pass


class SkipOffer(DstackError):
    pass
