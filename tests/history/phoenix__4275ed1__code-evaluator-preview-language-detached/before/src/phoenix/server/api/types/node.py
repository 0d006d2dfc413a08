# From Arize-ai/phoenix, src/phoenix/server/api/types/node.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from strawberry.relay import GlobalID


def from_global_id(global_id: GlobalID) -> tuple[str, int]:
    """
    Decode the given global id into a type and id.

    :param global_id: The global id to decode.
    :return: A tuple of type and id.
    """
    return global_id.type_name, int(global_id.node_id)
