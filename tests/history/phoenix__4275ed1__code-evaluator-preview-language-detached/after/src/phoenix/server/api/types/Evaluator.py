# From Arize-ai/phoenix, src/phoenix/server/api/types/Evaluator.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
import strawberry
from strawberry.relay import Node, NodeID


@strawberry.type
class CodeEvaluator(Node):
    id: NodeID[int]
