# From Arize-ai/phoenix, src/phoenix/server/bearer_auth.py (fix b6f102e27ec75e91afc4a4cb508747b8968c14dd; before/ is its parent), reduced.
class PhoenixUser:
    def __init__(self, user_id: int) -> None:
        self._user_id = user_id

    @property
    def identity(self) -> str:
        return str(self._user_id)
