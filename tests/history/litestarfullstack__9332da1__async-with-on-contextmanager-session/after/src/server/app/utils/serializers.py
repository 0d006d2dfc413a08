# From litestar-org/litestar-fullstack, src/server/app/utils/serializers.py (fix 9332da1dc86e12c7e2c4b75b878375234e97dbae; before/ is its parent), reduced.
import json
from typing import Any


def serialize_object(obj: Any) -> str:
    return json.dumps(obj)


def deserialize_object(data: str) -> Any:
    return json.loads(data)
