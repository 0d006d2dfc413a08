# From polarsource/polar, server/polar/app.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
import contextlib
from collections.abc import AsyncIterator
from typing import TypedDict

from fastapi import FastAPI

from polar.checkout.endpoints import inner_router as checkout_router
from polar.eventstream.endpoints import router as stream_router
from polar.kit.db.postgres import (
    AsyncEngine,
    AsyncSessionMaker,
    create_async_sessionmaker,
)
from polar.postgres import AsyncSessionMiddleware, create_async_engine
from polar.redis import Redis, create_redis


class State(TypedDict):
    async_engine: AsyncEngine
    async_sessionmaker: AsyncSessionMaker
    redis: Redis


@contextlib.asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[State]:
    async_engine = create_async_engine("app")
    async_sessionmaker = create_async_sessionmaker(async_engine)
    redis = create_redis("app")

    yield {
        "async_engine": async_engine,
        "async_sessionmaker": async_sessionmaker,
        "redis": redis,
    }

    await redis.close(True)
    await async_engine.dispose()


def create_app() -> FastAPI:
    app = FastAPI(lifespan=lifespan)
    app.add_middleware(AsyncSessionMiddleware)
    app.include_router(checkout_router, prefix="/v1/checkouts")
    app.include_router(stream_router, prefix="/v1")
    return app


app = create_app()
