# From Arize-ai/phoenix, src/phoenix/server/api/evaluators.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from typing import TYPE_CHECKING, Any, Optional, Sequence

if TYPE_CHECKING:
    from phoenix.server.sandbox import SandboxBackend


class CodeEvaluatorRunner:
    """
    Evaluator that executes user-provided source code in a sandbox.
    """

    def __init__(
        self,
        name: str,
        description: Optional[str],
        source_code: str,
        stored_input_schema: dict[str, Any],
        stored_output_configs: Sequence[Any],
        sandbox_backend: "SandboxBackend",
        language: str,
    ) -> None:
        self._name = name
        self._description = description
        self._source_code = source_code
        self._stored_input_schema = stored_input_schema
        self._stored_output_configs = list(stored_output_configs)
        self._sandbox_backend = sandbox_backend
        self._language = language.upper()

    async def evaluate(
        self,
        *,
        context: dict[str, Any],
        input_mapping: Any,
        name: str,
        output_configs: Sequence[Any],
        session_key: str,
    ) -> list[dict[str, Any]]:
        result = await self._sandbox_backend.execute(self._source_code, context, self._language)
        return [{"name": name, "result": result}]
