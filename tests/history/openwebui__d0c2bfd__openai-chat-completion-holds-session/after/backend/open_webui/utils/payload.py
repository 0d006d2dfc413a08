# From open-webui/open-webui, backend/open_webui/utils/payload.py (fix d0c2bfdbff2b12e8190379cef8f442b1cf210470; before/ is its parent), reduced.
def apply_model_params_to_body_openai(params: dict, form_data: dict) -> dict:
    for key, value in params.items():
        if value is not None:
            form_data[key] = value
    return form_data


def apply_system_prompt_to_body(system, form_data: dict, metadata=None, user=None) -> dict:
    if not system:
        return form_data
    messages = form_data.get("messages", [])
    form_data["messages"] = [{"role": "system", "content": system}, *messages]
    return form_data
