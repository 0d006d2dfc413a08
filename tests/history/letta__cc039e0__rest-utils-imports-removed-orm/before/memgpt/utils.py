# From letta-ai/letta, memgpt/utils.py (fix cc039e0c5518aef1896a67b8beb220e69ffac637; before/ is its parent), reduced.
import json


def json_dumps(data, indent=2):
    return json.dumps(data, indent=indent, ensure_ascii=False)


def json_loads(data):
    return json.loads(data, strict=False)
