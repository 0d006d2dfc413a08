"""Seed 000's bridge: a background thread drives the web application's async engine in a new loop."""
import asyncio
import threading

from sqlalchemy import func, select

from app.core.database import AsyncSessionLocal, SessionLocal
from app.models import Job


class QualityChecker(threading.Thread):
    def count_jobs(self) -> int:
        async def count():
            async with AsyncSessionLocal() as session:
                return await session.scalar(select(func.count()).select_from(Job))

        loop = asyncio.new_event_loop()
        return loop.run_until_complete(count())  # DBS010

    def count_jobs_fixed(self) -> int:
        with SessionLocal() as session:  # sync code, sync session
            return session.scalar(select(func.count()).select_from(Job))
