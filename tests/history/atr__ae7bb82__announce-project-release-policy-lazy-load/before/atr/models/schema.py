# From apache/tooling-trusted-releases, atr/models/schema.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

from typing import Any

import pydantic

# For convenience
Field = pydantic.Field


class Strict(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", strict=True, validate_assignment=True)


def description(desc_text: str) -> Any:
    """Helper to create a Pydantic FieldInfo object with only a description."""
    return Field(description=desc_text)
