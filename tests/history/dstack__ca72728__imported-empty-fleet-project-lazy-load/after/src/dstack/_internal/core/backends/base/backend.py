# From dstackai/dstack, src/dstack/_internal/core/backends/base/backend.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from dstack._internal.core.models.backends.base import BackendType


class Backend:
    TYPE: BackendType

    def compute(self):
        raise NotImplementedError()
