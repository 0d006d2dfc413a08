# From open-webui/open-webui, backend/open_webui/utils/payload.py (fix 0b5aa6dd60c5502ad98a0bea903142763a1e3f91; before/ is its parent), reduced.
from typing import Callable, Optional


# inplace function: form_data is modified
def apply_model_params_to_body(
    params: dict, form_data: dict, mappings: dict[str, Callable]
) -> dict:
    if not params:
        return form_data

    for key, value in params.items():
        if value is not None:
            if key in mappings:
                cast_func = mappings[key]
                if isinstance(cast_func, Callable):
                    form_data[key] = cast_func(value)
            else:
                form_data[key] = value

    return form_data


def apply_model_params_to_body_ollama(params: dict, form_data: dict) -> dict:
    # (reduced: custom_params merging and the Ollama root params format/keep_alive/think are cut)

    # Convert OpenAI parameter names to Ollama parameter names if needed.
    name_differences = {
        "max_tokens": "num_predict",
    }

    for key, value in name_differences.items():
        if (param := params.get(key, None)) is not None:
            # Copy the parameter to new name then delete it, to prevent Ollama warning of invalid option provided
            params[value] = params[key]
            del params[key]

    # See https://github.com/ollama/ollama/blob/main/docs/api.md#request-8
    mappings = {
        "temperature": float,
        "top_p": float,
        "num_ctx": int,
        "num_predict": int,
        "top_k": int,
    }

    # Unlike OpenAI, Ollama does not support params directly in the body
    form_data["options"] = apply_model_params_to_body(
        params, (form_data.get("options", {}) or {}), mappings
    )
    return form_data


def apply_system_prompt_to_body(
    system: Optional[str],
    form_data: dict,
    metadata: Optional[dict] = None,
    user=None,
    replace: bool = False,
) -> dict:
    if not system:
        return form_data

    # (reduced: prompt variable templating is cut)
    messages = form_data.get("messages", [])
    form_data["messages"] = [{"role": "system", "content": system}, *messages]
    return form_data
