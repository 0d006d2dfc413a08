# Reduced from langflow-ai/langflow, src/backend/langflow/interface/custom/component.py, at b64d43fe22e245ba27935315a6320d8ae3088340 (parent of fix 4307c24c6df62e944326cf42fc6dd576b271c861).
from pydantic import BaseModel


class Component(BaseModel):
    ERROR_CODE_NULL = "Python code must be provided."

    code: str
    function_entrypoint_name = "build"
    field_config: dict = {}

    def __init__(self, **data):
        super().__init__(**data)
