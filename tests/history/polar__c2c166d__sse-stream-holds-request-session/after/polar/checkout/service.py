# From polarsource/polar, server/polar/checkout/service.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from polar.models import Checkout
from polar.postgres import AsyncSession

from .repository import CheckoutRepository


class ResourceNotFound(Exception):
    pass


class ExpiredCheckoutError(Exception):
    pass


class CheckoutService:
    async def get_by_client_secret(
        self, session: AsyncSession, client_secret: str
    ) -> Checkout:
        repository = CheckoutRepository.from_session(session)
        checkout = await repository.get_by_client_secret(
            client_secret, options=repository.get_eager_options()
        )
        if checkout is None:
            raise ResourceNotFound()
        if checkout.is_expired:
            raise ExpiredCheckoutError()
        return checkout


checkout = CheckoutService()
