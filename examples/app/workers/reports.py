"""A nightly report worker that uses the application's factory from app.core.database."""
from sqlalchemy import text

from app.core.database import AsyncSessionLocal, SessionLocal


async def refresh_materialized_views() -> None:
    async with AsyncSessionLocal() as session:
        await session.execute(text("refresh materialized view daily_totals"))
        session.commit()  # DBS005


async def count_users() -> int:
    with SessionLocal() as session:
        return session.execute(text("select count(*) from users")).scalar_one()  # DBS009
