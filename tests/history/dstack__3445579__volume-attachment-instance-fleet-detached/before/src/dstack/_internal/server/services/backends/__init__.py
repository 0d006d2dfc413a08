# From dstackai/dstack, src/dstack/_internal/server/services/backends/__init__.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from dstack._internal.core.backends.base.backend import Backend
from dstack._internal.core.models.backends.base import BackendType
from dstack._internal.server.models import ProjectModel


async def get_project_backend_by_type_or_error(
    project: ProjectModel,
    backend_type: BackendType,
    overrides: bool = False,
) -> Backend:
    raise NotImplementedError()
