# From dstackai/dstack, src/dstack/_internal/server/services/logging.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
from dstack._internal.server.models import JobModel


def fmt(model: JobModel) -> str:
    """Consistent string representation of a model for logging."""
    return f"job({model.id.hex[:6]}){model.job_name}"
