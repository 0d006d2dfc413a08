# Reduced from Arize-ai/phoenix, src/phoenix/server/api/helpers/annotation_configs.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from typing import Any, Optional

from phoenix.server.api.input_types.ChatCompletionInput import PlaygroundEvaluatorInput


def get_annotation_config_override(
    evaluator_input: PlaygroundEvaluatorInput,
) -> Optional[dict[str, Any]]:
    return None


def apply_overrides_to_annotation_config(
    *,
    annotation_config: dict[str, Any],
    annotation_config_override: Optional[dict[str, Any]],
    name: str,
    description_override: Optional[str],
) -> dict[str, Any]:
    merged = {**annotation_config, **(annotation_config_override or {}), "name": name}
    if description_override:
        merged["description"] = description_override
    return merged
