# From Agenta-AI/agenta, api/oss/src/dbs/postgres/evaluations/dbes.py (fix 461e39788ad1af7498bb83f1328a0119129a8c95; before/ is its parent), reduced.
from sqlalchemy import (
    PrimaryKeyConstraint,
    ForeignKeyConstraint,
    Index,
    text,
)

from oss.src.dbs.postgres.shared.base import Base
from oss.src.dbs.postgres.shared.dbas import ProjectScopeDBA
from oss.src.dbs.postgres.evaluations.dbas import (
    EvaluationQueueDBA,
)


class EvaluationQueueDBE(
    Base,
    ProjectScopeDBA,
    EvaluationQueueDBA,
):
    __tablename__ = "evaluation_queues"

    __table_args__ = (
        PrimaryKeyConstraint(
            "project_id",
            "id",
        ),  # for uniqueness
        ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            ondelete="CASCADE",
        ),  # for project scope
        ForeignKeyConstraint(
            ["project_id", "run_id"],
            ["evaluation_runs.project_id", "evaluation_runs.id"],
            ondelete="CASCADE",
        ),  # for project scope
        Index(
            "ix_evaluation_queues_project_id",
            "project_id",
        ),  # for filtering
        Index(
            "ix_evaluation_queues_run_id",
            "run_id",
        ),  # for filtering
        Index(
            "ux_evaluation_queues_default_per_run",
            "project_id",
            "run_id",
            unique=True,
            postgresql_where=text(
                "(flags ->> 'is_default')::boolean = true AND deleted_at IS NULL"
            ),
        ),  # one ACTIVE default queue per run (archived rows excluded so a
        # default can be archived then recreated/unarchived by reconcile)
    )
