# Reduced from Arize-ai/phoenix, src/phoenix/server/api/types/node.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from strawberry.relay import GlobalID


def from_global_id(global_id: GlobalID) -> tuple[str, int]:
    return global_id.type_name, int(global_id.node_id)


def from_global_id_with_expected_type(global_id: GlobalID, expected_type_name: str) -> int:
    type_name, node_id = from_global_id(global_id)
    if type_name != expected_type_name:
        raise ValueError(f"The node id must correspond to a node of type {expected_type_name}")
    return node_id
