# From Arize-ai/phoenix, src/phoenix/server/api/mutations/chat_mutations.py (fix 4275ed1c7a320feb68cb0994194116ab6f2731ef; before/ is its parent), reduced.
from typing import Any, Optional

import strawberry
from sqlalchemy import select  # noqa: F401 - in the original (its other resolvers use it)
from strawberry.types import Info

from phoenix.db import models
from phoenix.db.types.annotation_configs import CategoricalOutputConfig, ContinuousOutputConfig
from phoenix.server.api.context import Context
from phoenix.server.api.exceptions import BadRequest
from phoenix.server.api.input_types.EvaluatorPreviewInput import EvaluatorPreviewsInput
from phoenix.server.api.types.Evaluator import CodeEvaluator
from phoenix.server.api.types.node import from_global_id


@strawberry.type
class EvaluationResult:
    evaluator_name: str
    error: Optional[str] = None


@strawberry.type
class EvaluatorPreviewsPayload:
    results: list[EvaluationResult]


def _to_evaluation_result(
    eval_result: dict[str, Any],
    evaluator_name: str,
) -> EvaluationResult:
    return EvaluationResult(evaluator_name=evaluator_name, error=eval_result.get("error"))


@strawberry.type
class ChatCompletionMutationMixin:
    @strawberry.mutation  # type: ignore
    @classmethod
    async def evaluator_previews(
        cls, info: Info[Context, None], input: EvaluatorPreviewsInput
    ) -> EvaluatorPreviewsPayload:
        all_results: list[EvaluationResult] = []

        for preview_item in input.previews:
            evaluator_input = preview_item.evaluator
            context = preview_item.context
            input_mapping = preview_item.input_mapping

            if code_evaluator_id := evaluator_input.code_evaluator_id:
                type_name, db_id = from_global_id(code_evaluator_id)
                if type_name != CodeEvaluator.__name__:
                    raise BadRequest(f"Expected code evaluator, got {type_name}")
                from phoenix.server.api.evaluators import CodeEvaluatorRunner
                from phoenix.server.sandbox import get_or_create_backend

                async with info.context.db() as session:
                    code_evaluator_record = await session.get(models.CodeEvaluator, db_id)
                    if code_evaluator_record is None:
                        raise BadRequest(f"Code evaluator with id {code_evaluator_id} not found")

                    # Resolve language within session to avoid DetachedInstanceError
                    language_row = await session.get(
                        models.Language, code_evaluator_record.language_id
                    )
                    language = language_row.name if language_row is not None else "PYTHON"

                    # Resolve sandbox backend via config → provider chain
                    sandbox_backend = None
                    backend_type: str | None = None
                    if code_evaluator_record.sandbox_config_id is not None:
                        sandbox_cfg = await session.get(
                            models.SandboxConfig, code_evaluator_record.sandbox_config_id
                        )
                        if sandbox_cfg is not None:
                            provider = await session.get(
                                models.SandboxProvider, sandbox_cfg.sandbox_provider_id
                            )
                            if provider is not None:
                                backend_type = provider.backend_type

                    # Eagerly capture scalar fields before session closes
                    evaluator_name = str(code_evaluator_record.name)
                    evaluator_description = code_evaluator_record.description
                    evaluator_source_code = code_evaluator_record.source_code
                    output_configs = [
                        c
                        for c in code_evaluator_record.output_configs
                        if isinstance(c, (CategoricalOutputConfig, ContinuousOutputConfig))
                    ]

                if backend_type is not None:
                    sandbox_backend = get_or_create_backend(backend_type)
                if sandbox_backend is None:
                    sandbox_backend = get_or_create_backend("WASM")
                if sandbox_backend is None:
                    raise BadRequest("No sandbox backend available for code evaluator preview")

                runner = CodeEvaluatorRunner(
                    name=evaluator_name,
                    description=evaluator_description,
                    source_code=evaluator_source_code,
                    stored_input_schema={},
                    stored_output_configs=output_configs,
                    sandbox_backend=sandbox_backend,
                    language=language,
                )
                eval_results = await runner.evaluate(
                    context=context,
                    input_mapping=input_mapping,
                    name=evaluator_name,
                    output_configs=output_configs,
                    session_key="",
                )
                for eval_result in eval_results:
                    all_results.append(_to_evaluation_result(eval_result, eval_result["name"]))

            else:
                raise BadRequest("Either evaluator_id or inline_llm_evaluator must be provided")

        return EvaluatorPreviewsPayload(results=all_results)
