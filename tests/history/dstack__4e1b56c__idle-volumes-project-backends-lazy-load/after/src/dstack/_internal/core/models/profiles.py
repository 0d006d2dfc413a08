# From dstackai/dstack, src/dstack/_internal/core/models/profiles.py (fix 4e1b56cfc72338bb2ab10ad624beefcb269e6158; before/ is its parent), reduced.
from typing import Optional, Union


def parse_duration(v: Optional[Union[int, str]]) -> Optional[int]:
    if v is None:
        return None
    if isinstance(v, int):
        return v
    return int(v.rstrip("s"))
