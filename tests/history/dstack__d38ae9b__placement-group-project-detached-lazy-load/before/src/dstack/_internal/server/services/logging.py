# From dstackai/dstack, src/dstack/_internal/server/services/logging.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from dstack._internal.server.models import InstanceModel


def fmt(model: InstanceModel) -> str:
    return f"instance({model.id.hex[:6]}){model.name}"
