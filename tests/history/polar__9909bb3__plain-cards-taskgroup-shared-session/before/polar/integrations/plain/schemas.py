# From polarsource/polar, server/polar/integrations/plain/schemas.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
from enum import StrEnum
from typing import Any

from pydantic import BaseModel


class CustomerCardKey(StrEnum):
    user = "user"
    organization = "organization"
    customer = "customer"
    order = "order"
    snippets = "snippets"


class CustomerCardCustomer(BaseModel):
    id: str
    email: str
    externalId: str | None


class CustomerCardsRequest(BaseModel):
    cardKeys: list[CustomerCardKey]
    customer: CustomerCardCustomer


class CustomerCard(BaseModel):
    key: CustomerCardKey
    timeToLiveSeconds: int
    components: list[dict[str, Any]] | None


class CustomerCardsResponse(BaseModel):
    cards: list[CustomerCard]
