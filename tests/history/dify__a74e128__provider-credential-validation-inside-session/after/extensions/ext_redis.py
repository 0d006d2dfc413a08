# Reduced from langgenius/dify, api/extensions/ext_redis.py at a74e12809bc05113fb28737118fb5f97dfc23982 (the fix)
import redis

# (reduced: RedisClientWrapper, which defers the connection to init_app() and supports sentinel/cluster, is
# replaced by the client it wraps)
redis_client: redis.Redis = redis.Redis()
