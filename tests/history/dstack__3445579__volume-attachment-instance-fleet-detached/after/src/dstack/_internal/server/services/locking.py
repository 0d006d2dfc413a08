# From dstackai/dstack, src/dstack/_internal/server/services/locking.py (fix 3445579a3f3ba6492eab07c09efd7326d894bd95; before/ is its parent), reduced.
import asyncio
from asyncio import Lock
from contextlib import asynccontextmanager
from typing import TypeVar

KeyT = TypeVar("KeyT")


class InMemoryResourceLocker:
    def __init__(self):
        self.namespace_to_locks_map: dict[str, tuple[Lock, set]] = {}

    def get_lockset(self, namespace: str) -> tuple[Lock, set]:
        return self.namespace_to_locks_map.setdefault(namespace, (Lock(), set()))

    @asynccontextmanager
    async def lock_ctx(self, namespace: str, keys: list[KeyT]):
        lock, lockset = self.get_lockset(namespace)
        try:
            await _wait_to_lock_many(lock, lockset, keys)
            yield
        finally:
            lockset.difference_update(keys)


class DummyAsyncLock:
    async def __aenter__(self):
        pass

    async def __aexit__(self, exc_type, exc, tb):
        pass


class DummyResourceLocker:
    def __init__(self):
        self.lock = DummyAsyncLock()
        self.lockset: set = set()

    def get_lockset(self, namespace: str) -> tuple[DummyAsyncLock, set]:
        return self.lock, self.lockset

    @asynccontextmanager
    async def lock_ctx(self, namespace: str, keys: list[KeyT]):
        yield


_in_memory_locker = InMemoryResourceLocker()
_dummy_locker = DummyResourceLocker()


def get_locker(dialect_name: str):
    if dialect_name == "sqlite":
        return _in_memory_locker
    # We could use an in-memory locker on Postgres
    # but it can lead to unnecessary lock contention,
    # so we use a dummy locker that does not take any locks.
    return _dummy_locker


async def _wait_to_lock_many(
    lock: asyncio.Lock, locked: set[KeyT], keys: list[KeyT], *, delay: float = 0.1
):
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
        await asyncio.sleep(delay)
