# From dstackai/dstack, src/dstack/_internal/server/background/pipeline_tasks/base.py (fix d38ae9b59a06de10d34350d775a77974d5023c0c; before/ is its parent), reduced.
from typing import Literal, TypedDict, Union
from datetime import datetime

NOW_PLACEHOLDER = "__NOW__"
UpdateMapDateTime = Union[datetime, Literal["__NOW__"]]


class ItemUpdateMap(TypedDict, total=False):
    last_processed_at: UpdateMapDateTime
