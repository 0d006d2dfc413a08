# From polarsource/polar, server/polar/redis.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
import redis.asyncio as _async_redis
from fastapi import Request

from polar.config import settings

Redis = _async_redis.Redis


def create_redis(process_name: str) -> Redis:
    return _async_redis.Redis.from_url(
        settings.REDIS_URL,
        decode_responses=True,
        client_name=process_name,
    )


async def get_redis(request: Request) -> Redis:
    return request.state.redis
