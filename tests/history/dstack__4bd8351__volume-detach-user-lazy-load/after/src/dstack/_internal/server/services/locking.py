# From dstackai/dstack, src/dstack/_internal/server/services/locking.py (fix 4bd8351e167d8022f54a11e9d083d4f3f9386683; before/ is its parent), reduced.
import asyncio
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Dict, List, Set, Tuple, TypeVar

KeyT = TypeVar("KeyT")


class ResourceLocker:
    def __init__(self):
        self.namespace_to_locks_map: Dict[str, Tuple[asyncio.Lock, Set]] = {}

    def get_lockset(self, namespace: str) -> Tuple[asyncio.Lock, Set]:
        """
        Returns a lockset containing locked resources for in-memory locking.
        Also returns a lock that guards the lockset.
        """
        return self.namespace_to_locks_map.setdefault(namespace, (asyncio.Lock(), set()))

    @asynccontextmanager
    async def lock_ctx(self, namespace: str, keys: List[KeyT]) -> AsyncGenerator[None, None]:
        lock, lockset = self.get_lockset(namespace)
        try:
            await _wait_to_lock_many(lock, lockset, keys)
            yield
        finally:
            lockset.difference_update(keys)


async def _wait_to_lock_many(lock: asyncio.Lock, locked: Set, keys: List) -> None:
    left_to_lock = keys.copy()
    while True:
        async with lock:
            locked_now_num = 0
            for key in left_to_lock:
                if key in locked:
                    break
                locked.add(key)
                locked_now_num += 1
            left_to_lock = left_to_lock[locked_now_num:]
            if not left_to_lock:
                return
        await asyncio.sleep(0.1)


_locker = ResourceLocker()


def get_locker() -> ResourceLocker:
    return _locker
