# Reduced from langflow-ai/langflow, src/backend/langflow/interface/custom/component.py, at 4307c24c6df62e944326cf42fc6dd576b271c861 (the fix).
from pydantic import BaseModel


class Component(BaseModel):
    ERROR_CODE_NULL = "Python code must be provided."

    code: str
    function_entrypoint_name = "build"
    field_config: dict = {}

    def __init__(self, **data):
        super().__init__(**data)
