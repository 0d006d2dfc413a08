# From letta-ai/letta, letta/services/job_manager.py (fix 0f69d503aa53be6f63ed1eac2aeb786456d140fb; before/ is its parent), reduced.
from typing import List, Literal

from httpx import AsyncClient, post
from sqlalchemy import select
from sqlalchemy.orm import Session

from letta.helpers.datetime_helpers import get_utc_time
from letta.log import get_logger
from letta.orm.errors import NoResultFound
from letta.orm.job import Job as JobModel
from letta.otel.tracing import log_event, trace_method
from letta.schemas.job import Job as PydanticJob
from letta.schemas.job import JobStatus, JobUpdate
from letta.schemas.user import User as PydanticUser
from letta.server.db import db_registry

logger = get_logger(__name__)


class JobManager:
    """Manager class to handle business logic related to Jobs."""

    @trace_method
    def update_job_by_id(self, job_id: str, job_update: JobUpdate, actor: PydanticUser) -> PydanticJob:
        """Update a job by its ID with the given JobUpdate object."""
        with db_registry.session() as session:
            # Fetch the job by ID
            job = self._verify_job_access(session=session, job_id=job_id, actor=actor, access=["write"])
            not_completed_before = not bool(job.completed_at)

            # Update job attributes with only the fields that were explicitly set
            update_data = job_update.model_dump(to_orm=True, exclude_unset=True, exclude_none=True)

            # Automatically update the completion timestamp if status is set to 'completed'
            for key, value in update_data.items():
                # Ensure completed_at is timezone-naive for database compatibility
                if key == "completed_at" and value is not None and hasattr(value, "replace"):
                    value = value.replace(tzinfo=None)
                setattr(job, key, value)

            if job_update.status in {JobStatus.completed, JobStatus.failed} and not_completed_before:
                job.completed_at = get_utc_time().replace(tzinfo=None)
                if job.callback_url:
                    self._dispatch_callback(job)  # DBS018

            # Save the updated job to the database
            job.update(db_session=session, actor=actor)

            return job.to_pydantic()

    @trace_method
    async def update_job_by_id_async(self, job_id: str, job_update: JobUpdate, actor: PydanticUser) -> PydanticJob:
        """Update a job by its ID with the given JobUpdate object asynchronously."""
        callback_func = None

        async with db_registry.async_session() as session:
            # Fetch the job by ID
            job = await self._verify_job_access_async(session=session, job_id=job_id, actor=actor, access=["write"])

            # Update job attributes with only the fields that were explicitly set
            update_data = job_update.model_dump(to_orm=True, exclude_unset=True, exclude_none=True)

            # Automatically update the completion timestamp if status is set to 'completed'
            for key, value in update_data.items():
                # Ensure completed_at is timezone-naive for database compatibility
                if key == "completed_at" and value is not None and hasattr(value, "replace"):
                    value = value.replace(tzinfo=None)
                setattr(job, key, value)

            # If we are updating the job to a terminal state
            if job_update.status in {JobStatus.completed, JobStatus.failed}:
                logger.info(f"Current job completed at: {job.completed_at}")
                job.completed_at = get_utc_time().replace(tzinfo=None)
                if job.callback_url:
                    callback_func = self._dispatch_callback_async(
                        callback_url=job.callback_url,
                        payload={
                            "job_id": job.id,
                            "status": job.status,
                            "completed_at": job.completed_at.isoformat() if job.completed_at else None,
                            "metadata": job.metadata_,
                        },
                        actor=actor,
                    )

            # Save the updated job to the database
            await job.update_async(db_session=session, actor=actor)

            if callback_func:
                return await callback_func  # DBS018

            return job.to_pydantic()

    def _verify_job_access(
        self,
        session: Session,
        job_id: str,
        actor: PydanticUser,
        access: List[Literal["read", "write", "delete"]] = ["read"],
    ) -> JobModel:
        """
        Verify that a job exists and the user has the required access.
        """
        job_query = select(JobModel).where(JobModel.id == job_id, JobModel.user_id == actor.id)
        job = session.execute(job_query).scalar_one_or_none()
        if not job:
            raise NoResultFound(f"Job with id {job_id} does not exist or user does not have access")
        return job

    async def _verify_job_access_async(
        self,
        session: Session,
        job_id: str,
        actor: PydanticUser,
        access: List[Literal["read", "write", "delete"]] = ["read"],
    ) -> JobModel:
        """
        Verify that a job exists and the user has the required access.
        """
        job_query = select(JobModel).where(JobModel.id == job_id, JobModel.user_id == actor.id)
        result = await session.execute(job_query)
        job = result.scalar_one_or_none()
        if not job:
            raise NoResultFound(f"Job with id {job_id} does not exist or user does not have access")
        return job

    @trace_method
    def _dispatch_callback(self, job: JobModel) -> None:
        """
        POST a standard JSON payload to job.callback_url
        and record timestamp + HTTP status.
        """

        payload = {
            "job_id": job.id,
            "status": job.status,
            "completed_at": job.completed_at.isoformat() if job.completed_at else None,
            "metadata": job.metadata_,
        }
        try:
            log_event("POST callback dispatched", payload)
            resp = post(job.callback_url, json=payload, timeout=5.0)
            log_event("POST callback finished")
            job.callback_sent_at = get_utc_time().replace(tzinfo=None)
            job.callback_status_code = resp.status_code

        except Exception as e:
            error_message = f"Failed to dispatch callback for job {job.id} to {job.callback_url}: {e!s}"
            logger.error(error_message)
            # Record the failed attempt
            job.callback_sent_at = get_utc_time().replace(tzinfo=None)
            job.callback_error = error_message
            # Continue silently - callback failures should not affect job completion

    @trace_method
    async def _dispatch_callback_async(self, callback_url: str, payload: dict, actor: PydanticUser) -> PydanticJob:
        """
        POST a standard JSON payload to job.callback_url and record timestamp + HTTP status asynchronously.
        """
        job_id = payload["job_id"]
        callback_sent_at, callback_status_code, callback_error = None, None, None

        try:
            async with AsyncClient() as client:
                log_event("POST callback dispatched", payload)
                resp = await client.post(callback_url, json=payload, timeout=5.0)
                log_event("POST callback finished")
                # Ensure timestamp is timezone-naive for DB compatibility
                callback_sent_at = get_utc_time().replace(tzinfo=None)
                callback_status_code = resp.status_code
        except Exception as e:
            error_message = f"Failed to dispatch callback for job {job_id} to {callback_url}: {e!s}"
            logger.error(error_message)
            # Record the failed attempt
            callback_sent_at = get_utc_time().replace(tzinfo=None)
            callback_error = error_message
            # Continue silently - callback failures should not affect job completion

        async with db_registry.async_session() as session:
            job = await JobModel.read_async(db_session=session, identifier=job_id, actor=actor)
            job.callback_sent_at = callback_sent_at
            job.callback_status_code = callback_status_code
            job.callback_error = callback_error
            await job.update_async(db_session=session, actor=actor)
            return job.to_pydantic()
