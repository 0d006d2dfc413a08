# From polarsource/polar, server/polar/integrations/plain/service.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
import asyncio
from collections.abc import Awaitable, Callable

from sqlalchemy import func, select

from polar.config import settings
from polar.kit.db.postgres import AsyncReadSessionMaker
from polar.models import Customer, Organization, User, UserOrganization
from polar.postgres import AsyncReadSession
from polar.user_repository import UserRepository

from .schemas import (
    CustomerCard,
    CustomerCardKey,
    CustomerCardsRequest,
    CustomerCardsResponse,
)

_card_getter_semaphore = asyncio.Semaphore(3)

CardGetter = Callable[
    [AsyncReadSession, CustomerCardsRequest], Awaitable[CustomerCard | None]
]


async def _card_getter_task(
    sessionmaker: AsyncReadSessionMaker,
    getter: CardGetter,
    request: CustomerCardsRequest,
) -> CustomerCard | None:
    async with _card_getter_semaphore:
        async with sessionmaker() as session:
            return await getter(session, request)


class PlainService:
    enabled = settings.PLAIN_TOKEN is not None

    async def get_cards(
        self,
        sessionmaker: AsyncReadSessionMaker,
        request: CustomerCardsRequest,
    ) -> CustomerCardsResponse:
        getters: list[CardGetter] = []
        if CustomerCardKey.user in request.cardKeys:
            getters.append(self._get_user_card)
        if CustomerCardKey.organization in request.cardKeys:
            getters.append(self._get_organization_card)
        if CustomerCardKey.customer in request.cardKeys:
            getters.append(self.get_customer_card)

        tasks: list[asyncio.Task[CustomerCard | None]] = []
        async with asyncio.TaskGroup() as tg:
            for getter in getters:
                tasks.append(
                    tg.create_task(_card_getter_task(sessionmaker, getter, request))
                )

        cards = [card for task in tasks if (card := task.result()) is not None]
        return CustomerCardsResponse(cards=cards)

    async def _get_user_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        user_repository = UserRepository.from_session(session)
        users = await user_repository.get_all_by_any_email(email)

        if not users:
            return None

        return CustomerCard(
            key=CustomerCardKey.user,
            timeToLiveSeconds=86400,
            components=[{"text": user.email} for user in users],
        )

    async def _get_organization_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        statement = (
            select(Organization)
            .join(
                UserOrganization,
                Organization.id == UserOrganization.organization_id,
                isouter=True,
            )
            .join(User, User.id == UserOrganization.user_id)
            .where(func.lower(User.email) == email.lower())
        )
        result = await session.execute(statement)
        organizations = result.unique().scalars().all()

        if len(organizations) == 0:
            return None

        return CustomerCard(
            key=CustomerCardKey.organization,
            timeToLiveSeconds=86400,
            components=[{"text": organization.slug} for organization in organizations],
        )

    async def get_customer_card(
        self, session: AsyncReadSession, request: CustomerCardsRequest
    ) -> CustomerCard | None:
        email = request.customer.email

        # No need to filter out soft deleted. We want to see them in support.
        statement = select(Customer).where(func.lower(Customer.email) == email.lower())
        result = await session.execute(statement)
        customers = result.unique().scalars().all()

        if len(customers) == 0:
            return None

        return CustomerCard(
            key=CustomerCardKey.customer,
            timeToLiveSeconds=86400,
            components=[{"text": customer.email} for customer in customers],
        )


plain = PlainService()
