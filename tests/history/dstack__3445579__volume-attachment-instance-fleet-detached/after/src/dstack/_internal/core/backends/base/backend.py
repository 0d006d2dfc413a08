# From dstackai/dstack, src/dstack/_internal/core/backends/base/backend.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from dstack._internal.core.backends.base.compute import Compute
from dstack._internal.core.models.backends.base import BackendType


class Backend:
    TYPE: BackendType

    def compute(self) -> Compute:
        raise NotImplementedError()
