# From Arize-ai/phoenix, src/phoenix/db/types/annotation_configs.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from typing import Literal, Optional

from pydantic import BaseModel


class CategoricalAnnotationValue(BaseModel):
    label: str
    score: Optional[float] = None


class CategoricalOutputConfig(BaseModel):
    type: Literal["CATEGORICAL"] = "CATEGORICAL"
    name: str
    values: list[CategoricalAnnotationValue]


class ContinuousOutputConfig(BaseModel):
    type: Literal["CONTINUOUS"] = "CONTINUOUS"
    name: str
    lower_bound: Optional[float] = None
    upper_bound: Optional[float] = None
