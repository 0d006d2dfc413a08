# Reduced from langflow-ai/langflow, src/backend/langflow/services/database/models/base.py, at 8faad709176499fae2a7b841596cc1a386724007 (parent of fix 54cfca3dd6c990d0d1eebc01689366f82b9ebb87).
import orjson
from sqlmodel import SQLModel


def orjson_dumps(v, *, default=None, sort_keys=False, indent_2=True):
    option = orjson.OPT_SORT_KEYS if sort_keys else None
    if indent_2:
        option = orjson.OPT_INDENT_2 if option is None else option | orjson.OPT_INDENT_2
    if default is None:
        return orjson.dumps(v, option=option).decode()
    return orjson.dumps(v, default=default, option=option).decode()


class SQLModelSerializable(SQLModel):
    class Config:
        orm_mode = True
        json_loads = orjson.loads
        json_dumps = orjson_dumps
