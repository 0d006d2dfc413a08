# From polarsource/polar, server/polar/eventstream/endpoints.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
import asyncio
from collections.abc import AsyncGenerator, Awaitable, Callable
from typing import Any
from uuid import UUID

import structlog
from fastapi import APIRouter, Depends, Request
from redis.exceptions import ConnectionError
from sse_starlette.sse import EventSourceResponse

from polar.postgres import AsyncSession, get_db_session
from polar.redis import Redis, get_redis

from .service import Receivers

router = APIRouter(prefix="/stream", tags=["stream"], include_in_schema=False)

log = structlog.get_logger()


async def subscribe(
    redis: Redis,
    channels: list[str],
    request: Request,
    on_iteration: Callable[[], Awaitable[None]] | None = None,
) -> AsyncGenerator[Any, Any]:
    async with redis.pubsub() as pubsub:
        await pubsub.subscribe(*channels)

        while True:
            if await request.is_disconnected():
                await pubsub.close()
                break

            if on_iteration is not None:
                await on_iteration()

            try:
                message = await pubsub.get_message(
                    ignore_subscribe_messages=True,
                    # Waits for up to 10s for a new message
                    timeout=10.0,
                )

                if message is not None:
                    log.info("redis.pubsub", message=message["data"])
                    yield message["data"]
            except asyncio.CancelledError as e:
                await pubsub.close()
                raise e
            except ConnectionError as e:
                await pubsub.close()
                raise e


async def get_user_id(request: Request) -> UUID:
    """Stands for polar.auth.dependencies.WebUserRead."""
    return request.state.user_id


@router.get("/user")
async def user_stream(
    request: Request,
    user_id: UUID = Depends(get_user_id),
    session: AsyncSession = Depends(get_db_session),
    redis: Redis = Depends(get_redis),
) -> EventSourceResponse:
    await session.commit()
    receivers = Receivers(user_id=user_id)
    return EventSourceResponse(subscribe(redis, receivers.get_channels(), request))
