# Reduced from langgenius/dify, api/extensions/ext_redis.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
import redis

# (reduced: RedisClientWrapper, which defers the connection to init_app() and supports sentinel/cluster, is
# replaced by the client it wraps)
redis_client: redis.Redis = redis.Redis()
