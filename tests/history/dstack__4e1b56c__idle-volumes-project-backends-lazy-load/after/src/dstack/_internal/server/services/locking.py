# From dstackai/dstack, src/dstack/_internal/server/services/locking.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
import asyncio
from typing import Dict, Set, Tuple


class ResourceLocker:
    def __init__(self):
        self.namespace_to_locks_map: Dict[str, Tuple[asyncio.Lock, Set]] = {}

    def get_lockset(self, namespace: str) -> Tuple[asyncio.Lock, Set]:
        """
        Returns a lockset containing locked resources for in-memory locking.
        Also returns a lock that guards the lockset.
        """
        return self.namespace_to_locks_map.setdefault(namespace, (asyncio.Lock(), set()))


_in_memory_locker = ResourceLocker()


def get_locker(dialect_name: str) -> ResourceLocker:
    return _in_memory_locker
