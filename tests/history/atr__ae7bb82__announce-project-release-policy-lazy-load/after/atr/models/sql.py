# From apache/tooling-trusted-releases, atr/models/sql.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

"""The data models to be persisted in the database."""

# NOTE: We can't use symbolic annotations here because sqlmodel doesn't support them
# https://github.com/fastapi/sqlmodel/issues/196
# from __future__ import annotations

import datetime
import enum
from typing import Any, Final, Literal, Optional

import sqlalchemy
import sqlalchemy.orm as orm
import sqlalchemy.sql.expression as expression
import sqlmodel


class ProjectStatus(str, enum.Enum):
    ACTIVE = "active"
    DORMANT = "dormant"
    RETIRED = "retired"
    STANDING = "standing"


class ReleasePhase(str, enum.Enum):
    # Step 1: The candidate files are added from external sources and checked by ATR
    RELEASE_CANDIDATE_DRAFT = "release_candidate_draft"
    # Step 2: The project members are voting on the candidate release
    RELEASE_CANDIDATE = "release_candidate"
    # Step 3: The release files are being put in place
    RELEASE_PREVIEW = "release_preview"
    # Step 4: The release has been announced
    RELEASE = "release"


class TaskStatus(str, enum.Enum):
    """Status of a task in the task queue."""

    QUEUED = "queued"
    ACTIVE = "active"
    COMPLETED = "completed"
    FAILED = "failed"


class TaskType(str, enum.Enum):
    MESSAGE_SEND = "message_send"


class UTCDateTime(sqlalchemy.types.TypeDecorator):
    """A custom column type to store datetime in sqlite."""

    impl = sqlalchemy.types.TIMESTAMP(timezone=True)

    cache_ok = True

    def process_bind_param(self, value, dialect):  # type: ignore
        if value:
            if not isinstance(value, datetime.datetime):
                raise ValueError(f"Unexpected value type {type(value)}")
            if value.tzinfo is None:
                raise ValueError("Unexpected offset-naive datetime")
            return value.astimezone(datetime.UTC)
        else:
            return value

    def process_result_value(self, value, dialect):  # type: ignore
        if isinstance(value, datetime.datetime):
            return value.replace(tzinfo=datetime.UTC)
        else:
            return value


def example(value: Any) -> dict[Literal["schema_extra"], dict[str, Any]]:
    return {"schema_extra": {"json_schema_extra": {"examples": [value]}}}


class Task(sqlmodel.SQLModel, table=True):
    """A task in the task queue."""

    id: int = sqlmodel.Field(default=None, primary_key=True)
    status: TaskStatus = sqlmodel.Field(default=TaskStatus.QUEUED, index=True)
    task_type: TaskType
    task_args: Any = sqlmodel.Field(sa_column=sqlalchemy.Column(sqlalchemy.JSON))
    asf_uid: str
    added: datetime.datetime = sqlmodel.Field(
        default_factory=lambda: datetime.datetime.now(datetime.UTC),
        sa_column=sqlalchemy.Column(UTCDateTime, index=True),
    )
    error: str | None = None

    # Used for check tasks
    project_name: str | None = sqlmodel.Field(default=None, foreign_key="project.name")
    version_name: str | None = sqlmodel.Field(default=None, index=True)
    revision_number: str | None = sqlmodel.Field(default=None, index=True)


# Committee: Committee Project PublicSigningKey
class Committee(sqlmodel.SQLModel, table=True):
    name: str = sqlmodel.Field(unique=True, primary_key=True, **example("example"))
    full_name: str | None = sqlmodel.Field(default=None, **example("Example"))
    # True only if this is an incubator podling with a PPMC
    is_podling: bool = sqlmodel.Field(default=False)

    # 1-M: Committee -> [Project]
    # M-1: Project -> Committee
    projects: list["Project"] = sqlmodel.Relationship(back_populates="committee")

    committee_members: list[str] = sqlmodel.Field(
        default_factory=list, sa_column=sqlalchemy.Column(sqlalchemy.JSON), **example(["sbp", "tn", "wave"])
    )

    @property
    def display_name(self) -> str:
        """Get the display name for the committee."""
        name = self.full_name or self.name.title()
        return f"{name} (PPMC)" if self.is_podling else name


# Project: Project Committee Release DistributionChannel ReleasePolicy
class Project(sqlmodel.SQLModel, table=True):
    name: str = sqlmodel.Field(unique=True, primary_key=True, **example("example"))
    # We always include "Apache" in the full_name
    full_name: str | None = sqlmodel.Field(default=None, **example("Apache Example"))

    status: ProjectStatus = sqlmodel.Field(default=ProjectStatus.ACTIVE, **example(ProjectStatus.ACTIVE))

    # M-1: Project -> Committee
    # 1-M: Committee -> [Project]
    committee_name: str | None = sqlmodel.Field(default=None, foreign_key="committee.name", **example("example"))
    committee: Committee | None = sqlmodel.Relationship(back_populates="projects")

    # 1-M: Project -> [Release]
    # M-1: Release -> Project
    releases: list["Release"] = sqlmodel.Relationship(back_populates="project")

    # 1-1: Project -C-> ReleasePolicy
    # 1-1: ReleasePolicy -> Project
    release_policy_id: int | None = sqlmodel.Field(default=None, foreign_key="releasepolicy.id", ondelete="CASCADE")
    release_policy: Optional["ReleasePolicy"] = sqlmodel.Relationship(
        cascade_delete=True, sa_relationship_kwargs={"cascade": "all, delete-orphan", "single_parent": True}
    )

    @property
    def display_name(self) -> str:
        """Get the display name for the Project."""
        base = self.full_name or self.name
        if self.committee and self.committee.is_podling:
            return f"{base} (Incubating)"
        return base

    @property
    def policy_preserve_download_files(self) -> bool:
        if (policy := self.release_policy) is None:
            return False
        return policy.preserve_download_files


# Release: Project ReleasePolicy Revision CheckResult
class Release(sqlmodel.SQLModel, table=True):
    # We guarantee that "{project.name}-{version}" is unique
    # Therefore we can use that for the name
    name: str = sqlmodel.Field(default="", primary_key=True, unique=True, **example("example-0.0.1"))
    phase: ReleasePhase = sqlmodel.Field(**example(ReleasePhase.RELEASE_CANDIDATE_DRAFT))
    created: datetime.datetime = sqlmodel.Field(sa_column=sqlalchemy.Column(UTCDateTime))
    released: datetime.datetime | None = sqlmodel.Field(default=None, sa_column=sqlalchemy.Column(UTCDateTime))

    # M-1: Release -> Project
    # 1-M: Project -> [Release]
    project_name: str = sqlmodel.Field(foreign_key="project.name", **example("example"))
    project: Project = sqlmodel.Relationship(back_populates="releases")

    version: str = sqlmodel.Field(**example("0.0.1"))

    # 1-1: Release -C-> ReleasePolicy
    # 1-1: ReleasePolicy -> Release
    release_policy_id: int | None = sqlmodel.Field(default=None, foreign_key="releasepolicy.id")
    release_policy: Optional["ReleasePolicy"] = sqlmodel.Relationship(
        cascade_delete=True, sa_relationship_kwargs={"cascade": "all, delete-orphan", "single_parent": True}
    )

    # 1-M: Release -C-> [Revision]
    # M-1: Revision -> Release
    revisions: list["Revision"] = sqlmodel.Relationship(
        back_populates="release",
        sa_relationship_kwargs={
            "order_by": "Revision.seq",
            "foreign_keys": "[Revision.release_name]",
            "cascade": "all, delete-orphan",
        },
    )

    # The combination of project_name and version must be unique
    __table_args__ = (sqlmodel.UniqueConstraint("project_name", "version", name="unique_project_version"),)

    @property
    def committee(self) -> Committee | None:
        """Get the committee for the release."""
        project = self.project
        return project.committee

    @property
    def unwrap_revision_number(self) -> str:
        """Get the revision number for the release, or raise an exception."""
        number = self.latest_revision_number
        if number is None:
            raise ValueError("Release has no revisions")
        return number

    @property
    def latest_revision_number(self) -> str | None:
        """Get the latest revision number for the release."""
        # The session must still be active for this to work
        number = getattr(self, "_latest_revision_number", None)
        if not (isinstance(number, str) or (number is None)):
            raise ValueError("Latest revision number is not a str or None")
        return number


class ReleasePolicy(sqlmodel.SQLModel, table=True):
    id: int = sqlmodel.Field(default=None, primary_key=True)
    mailto_addresses: list[str] = sqlmodel.Field(default_factory=list, sa_column=sqlalchemy.Column(sqlalchemy.JSON))
    manual_vote: bool = sqlmodel.Field(default=False)
    min_hours: int | None = sqlmodel.Field(default=None)
    announce_release_template: str = sqlmodel.Field(default="")
    preserve_download_files: bool = sqlmodel.Field(default=False)

    project: Project = sqlmodel.Relationship(back_populates="release_policy")


class Revision(sqlmodel.SQLModel, table=True):
    name: str = sqlmodel.Field(default="", primary_key=True, unique=True, **example("example-0.0.1 00002"))

    release_name: str | None = sqlmodel.Field(default=None, foreign_key="release.name", **example("example-0.0.1"))
    release: Release = sqlmodel.Relationship(
        back_populates="revisions",
        sa_relationship_kwargs={
            "foreign_keys": "[Revision.release_name]",
        },
    )

    seq: int = sqlmodel.Field(default=0, **example(1))
    number: str = sqlmodel.Field(default="", **example("00002"))
    asfuid: str = sqlmodel.Field(**example("user"))
    phase: ReleasePhase = sqlmodel.Field(**example(ReleasePhase.RELEASE_CANDIDATE_DRAFT))


def latest_revision_number_query(release_name: str | None = None) -> expression.ScalarSelect[str]:
    if release_name is None:
        query_release_name = Release.name
    else:
        query_release_name = release_name
    return (
        sqlmodel.select(validate_instrumented_attribute(Revision.number))
        .where(validate_instrumented_attribute(Revision.release_name) == query_release_name)
        .order_by(validate_instrumented_attribute(Revision.seq).desc())
        .limit(1)
        .scalar_subquery()
    )


def release_name(project_name: str, version_name: str) -> str:
    """Return the release name for a given project and version."""
    return f"{project_name}-{version_name}"


def validate_instrumented_attribute(obj: Any) -> orm.InstrumentedAttribute:
    """Check if the given object is an InstrumentedAttribute."""
    if not isinstance(obj, orm.InstrumentedAttribute):
        raise ValueError(f"Object must be an orm.InstrumentedAttribute, got: {type(obj)}")
    return obj


RELEASE_LATEST_REVISION_NUMBER: Final = (
    sqlalchemy.select(validate_instrumented_attribute(Revision.number))
    .where(validate_instrumented_attribute(Revision.release_name) == Release.name)
    .order_by(validate_instrumented_attribute(Revision.seq).desc())
    .limit(1)
    .correlate_except(Revision)
    .scalar_subquery()
)


Release._latest_revision_number = orm.column_property(RELEASE_LATEST_REVISION_NUMBER)
