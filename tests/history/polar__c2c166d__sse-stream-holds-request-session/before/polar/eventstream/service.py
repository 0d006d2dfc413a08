# From polarsource/polar, server/polar/eventstream/service.py (fix c2c166dcf896fd91b99a3d975b5e52199306610e; before/ is its parent), reduced.
from uuid import UUID

from pydantic import BaseModel


class Receivers(BaseModel):
    user_id: UUID | None = None
    checkout_client_secret: str | None = None

    def generate_channel_name(self, scope: str, resource_id: UUID | str) -> str:
        return f"{scope}:{resource_id}"

    def get_channels(self) -> list[str]:
        channels = []
        if self.user_id:
            channels.append(self.generate_channel_name("user", self.user_id))

        if self.checkout_client_secret:
            channels.append(
                self.generate_channel_name("checkout", self.checkout_client_secret)
            )

        return channels
