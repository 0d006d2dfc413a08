# From dstackai/dstack, src/dstack/_internal/core/models/common.py (fix ca7272802b877d8f5485ad64d5bf4d0583ad52c7; before/ is its parent), reduced.
from pydantic import BaseModel


class CoreModel(BaseModel):
    pass


class CoreConfig:
    pass


def generate_dual_core_model(config: type) -> type:
    """Returns a base model class whose subclasses get `__response__`, the variant used to parse
    server-side data (the original generates a separate model with a relaxed config)."""

    class DualCoreModel(CoreModel):
        def __init_subclass__(cls, **kwargs):
            super().__init_subclass__(**kwargs)
            cls.__response__ = cls

    return DualCoreModel
