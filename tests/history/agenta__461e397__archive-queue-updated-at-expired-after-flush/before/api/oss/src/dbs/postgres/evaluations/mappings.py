# From Agenta-AI/agenta, api/oss/src/dbs/postgres/evaluations/mappings.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from typing import TypeVar, Type

from oss.src.utils.logging import get_module_logger

log = get_module_logger(__name__)


DBE_T = TypeVar("DBE_T")  # pylint: disable=invalid-name
DTO_T = TypeVar("DTO_T")  # pylint: disable=invalid-name


def create_dto_from_dbe(
    *,
    DTO: Type[DTO_T],
    dbe: DBE_T,
) -> DTO_T:
    """Map a SQLAlchemy DBE instance to a Pydantic DTO."""

    dbe_fields = {column.name for column in dbe.__table__.columns}
    dto_fields = set(DTO.model_fields.keys())

    attributes = {field: getattr(dbe, field) for field in dbe_fields & dto_fields}

    if attributes.get("trace_id") is not None:
        attributes["trace_id"] = str(attributes["trace_id"])

    dto = DTO(**attributes)

    return dto
