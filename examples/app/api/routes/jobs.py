import asyncio

from fastapi import APIRouter, Depends, HTTPException
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.database import get_async_db
from app.models import Job, JobStatus

router = APIRouter(prefix="/jobs")


@router.post("/bulk/delete")
async def delete_bulk_jobs(job_ids: list[str], db: AsyncSession = Depends(get_async_db)) -> dict:
    result = await db.execute(select(Job).where(Job.task_id.in_(job_ids)))
    deleted = 0
    for job in result.scalars().all():
        if job.status in (JobStatus.RUNNING, JobStatus.QUEUED):
            continue
        db.delete(job)  # DBS005
        deleted += 1
    await db.commit()
    return {"deleted": deleted}


@router.delete("/{task_id}")
async def delete_job(task_id: str, db: AsyncSession = Depends(get_async_db)) -> dict:
    job = (await db.execute(select(Job).where(Job.task_id == task_id))).scalar_one_or_none()
    if job is None:
        raise HTTPException(status_code=404, detail="job not found")
    await db.delete(job)
    await db.commit()
    return {"deleted": task_id}


@router.get("/{task_id}")
async def read_job(task_id: str, db: AsyncSession = Depends(get_async_db)) -> dict:
    rows = db.query(Job).filter(Job.task_id == task_id).all()  # DBS008
    return {"jobs": [row.to_dict() for row in rows]}


@router.post("/")
async def create_job(url: str, db: AsyncSession = Depends(get_async_db)) -> dict:
    job = Job(url=url)
    await db.add(job)  # DBS006
    await db.commit()
    return job.to_dict()


async def crawl(job_id: int, db: AsyncSession) -> None:
    job = await db.get(Job, job_id)
    job.status = JobStatus.RUNNING
    await db.commit()


@router.post("/{job_id}/crawl")
async def start_crawl(job_id: int, db: AsyncSession = Depends(get_async_db)) -> dict:
    asyncio.create_task(crawl(job_id, db))  # DBS012
    return {"started": job_id}


@router.get("/stats")
async def job_stats(db: AsyncSession = Depends(get_async_db)) -> dict:
    running, queued = await asyncio.gather(  # DBS013
        db.scalar(select(func.count()).where(Job.status == JobStatus.RUNNING)),
        db.scalar(select(func.count()).where(Job.status == JobStatus.QUEUED)),
    )
    return {"running": running, "queued": queued}


@router.get("/{task_id}/attempts")
async def job_attempts(task_id: str, db: AsyncSession = Depends(get_async_db)) -> list:
    job = (await db.execute(select(Job).where(Job.task_id == task_id))).scalar_one()
    return [attempt.error for attempt in job.attempts]  # DBS014
