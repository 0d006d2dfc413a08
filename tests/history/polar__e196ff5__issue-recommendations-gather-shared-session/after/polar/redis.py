# From polarsource/polar, server/polar/redis.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from redis import asyncio as redis_asyncio

redis = redis_asyncio.Redis.from_url("redis://127.0.0.1:6379", decode_responses=True)
