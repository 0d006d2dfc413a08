# From polarsource/polar, server/polar/checkout/repository.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from polar.kit.repository import Options, RepositoryBase
from polar.models import Checkout


class CheckoutRepository(RepositoryBase[Checkout]):
    model = Checkout

    async def get_by_client_secret(
        self, client_secret: str, *, options: Options = ()
    ) -> Checkout | None:
        statement = (
            self.get_base_statement()
            .where(Checkout.client_secret == client_secret)
            .options(*options)
        )
        return await self.get_one_or_none(statement)

    def get_eager_options(self) -> Options:
        return ()
