# From open-webui/open-webui, backend/open_webui/models/models.py (fix 9e596f861651766a1b7d043bb4a989d0dba61bc5; before/ is its parent), reduced.
import logging
import time
from typing import Optional

from sqlalchemy.orm import Session
from open_webui.internal.db import Base, JSONField, get_db_context

from pydantic import BaseModel, ConfigDict

from sqlalchemy import BigInteger, Column, Text, JSON, Boolean

log = logging.getLogger(__name__)


####################
# Models DB Schema
####################


# ModelParams is a model for the data stored in the params field of the Model table
class ModelParams(BaseModel):
    model_config = ConfigDict(extra="allow")
    pass


class Model(Base):
    __tablename__ = "model"

    id = Column(Text, primary_key=True, unique=True)
    user_id = Column(Text)

    base_model_id = Column(Text, nullable=True)

    name = Column(Text)

    params = Column(JSONField)

    meta = Column(JSONField)

    access_control = Column(JSON, nullable=True)  # Controls data access levels.

    is_active = Column(Boolean, default=True)

    updated_at = Column(BigInteger)
    created_at = Column(BigInteger)


class ModelModel(BaseModel):
    id: str
    user_id: str
    base_model_id: Optional[str] = None

    name: str
    params: ModelParams
    meta: Optional[dict] = None

    access_control: Optional[dict] = None

    is_active: bool
    updated_at: int  # timestamp in epoch
    created_at: int  # timestamp in epoch

    model_config = ConfigDict(from_attributes=True)


class ModelsTable:
    def get_model_by_id(
        self, id: str, db: Optional[Session] = None
    ) -> Optional[ModelModel]:
        try:
            with get_db_context(db) as db:
                model = db.get(Model, id)
                return ModelModel.model_validate(model)
        except Exception:
            return None


Models = ModelsTable()
