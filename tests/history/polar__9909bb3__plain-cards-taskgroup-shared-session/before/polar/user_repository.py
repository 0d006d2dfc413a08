# From polarsource/polar, server/polar/user/repository.py (fix 9909bb30ce6f33977651872184c231f9c504265c; before/ is its parent), reduced.
from collections.abc import Sequence

from sqlalchemy import func

from polar.kit.repository import RepositoryBase
from polar.models import User


class UserRepository(RepositoryBase[User]):
    model = User

    async def get_all_by_any_email(self, email: str) -> Sequence[User]:
        statement = self.get_base_statement().where(
            func.lower(User.email) == email.lower()
        )
        result = await self.session.execute(statement)
        return result.scalars().unique().all()
