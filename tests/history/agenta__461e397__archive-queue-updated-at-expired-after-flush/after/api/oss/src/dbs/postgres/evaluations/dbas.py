# From Agenta-AI/agenta, api/oss/src/dbs/postgres/evaluations/dbas.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from sqlalchemy.dialects.postgresql import ARRAY
from sqlalchemy import Column, UUID, VARCHAR

from oss.src.dbs.postgres.shared.dbas import (
    VersionDBA,
    IdentifierDBA,
    LifecycleDBA,
    FlagsDBA,
    TagsDBA,
    MetaDBA,
    HeaderDBA,
    DataDBA,
)


class EvaluationQueueDBA(
    VersionDBA,
    IdentifierDBA,
    LifecycleDBA,
    HeaderDBA,
    FlagsDBA,
    TagsDBA,
    MetaDBA,
    DataDBA,
):
    __abstract__ = True

    status = Column(
        VARCHAR,
        nullable=False,
    )

    run_id = Column(
        UUID(as_uuid=True),
        nullable=False,
    )
    user_ids = Column(
        ARRAY(UUID(as_uuid=True)),
        nullable=True,
    )
