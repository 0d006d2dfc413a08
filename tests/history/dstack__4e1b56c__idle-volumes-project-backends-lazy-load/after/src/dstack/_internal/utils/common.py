# From dstackai/dstack, src/dstack/_internal/utils/common.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
import asyncio
import functools
from datetime import datetime, timezone


def get_current_datetime() -> datetime:
    return datetime.now(tz=timezone.utc)


async def run_async(func, *args, **kwargs):
    func_with_args = functools.partial(func, *args, **kwargs)
    return await asyncio.get_running_loop().run_in_executor(None, func_with_args)
