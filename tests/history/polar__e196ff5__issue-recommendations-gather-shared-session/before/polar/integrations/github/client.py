# From polarsource/polar, server/polar/integrations/github/client.py (fix e196ff51284a94d451c72533df421299bbe8973c; before/ is its parent), reduced.
from githubkit import GitHub, TokenAuthStrategy

from polar.models import User
from polar.postgres import AsyncSession


async def get_user_client(
    session: AsyncSession, user: User
) -> GitHub[TokenAuthStrategy]:
    token = user.username  # the original reads the user's GitHub OAuth account here
    return GitHub(TokenAuthStrategy(token))
