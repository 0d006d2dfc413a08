# From polarsource/polar, server/polar/checkout/endpoints.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Request
from sse_starlette.sse import EventSourceResponse

from polar.eventstream.endpoints import subscribe
from polar.eventstream.service import Receivers
from polar.postgres import AsyncSession, get_db_session
from polar.redis import Redis, get_redis

from .service import checkout as checkout_service

inner_router = APIRouter(tags=["checkouts"])


CheckoutClientSecret = Annotated[
    str, Path(description="The checkout session client secret.")
]


@inner_router.get("/client/{client_secret}/stream", include_in_schema=False)
async def client_stream(
    request: Request,
    client_secret: CheckoutClientSecret,
    session: AsyncSession = Depends(get_db_session),
    redis: Redis = Depends(get_redis),
) -> EventSourceResponse:
    checkout = await checkout_service.get_by_client_secret(session, client_secret)

    receivers = Receivers(checkout_client_secret=checkout.client_secret)
    return EventSourceResponse(subscribe(redis, receivers.get_channels(), request))  # DBS018
