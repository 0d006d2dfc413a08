# From open-webui/open-webui, backend/open_webui/socket/main.py (fix f0d48a4295c30318e34b93a03c8f4b264573216a; before/ is its parent), reduced.
import asyncio
import socketio
import logging
import sys
import time

from open_webui.models.users import Users

from open_webui.env import (
    ENABLE_WEBSOCKET_SUPPORT,
)

logging.basicConfig(stream=sys.stdout, level=logging.INFO)
log = logging.getLogger(__name__)


sio = socketio.AsyncServer(
    cors_allowed_origins='*',
    async_mode='asgi',
    transports=(['websocket'] if ENABLE_WEBSOCKET_SUPPORT else ['polling']),
    allow_upgrades=ENABLE_WEBSOCKET_SUPPORT,
    always_connect=True,
)


SESSION_POOL_TIMEOUT = 120  # seconds without heartbeat before session is reaped

SESSION_POOL = {}


@sio.on('heartbeat')
async def heartbeat(sid, data):
    user = SESSION_POOL.get(sid)
    if user:
        SESSION_POOL[sid] = {**user, 'last_seen_at': int(time.time())}
        await asyncio.to_thread(Users.update_last_active_by_id, user['id'])
