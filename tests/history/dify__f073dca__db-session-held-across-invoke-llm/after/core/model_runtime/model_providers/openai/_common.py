# Reduced from langgenius/dify, api/core/model_runtime/model_providers/openai/_common.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
from httpx import Timeout


class _CommonOpenAI:
    def _to_credential_kwargs(self, credentials: dict) -> dict:
        """
        Transform credentials to kwargs for model instance

        :param credentials:
        :return:
        """
        credentials_kwargs = {
            "api_key": credentials['openai_api_key'],
            "timeout": Timeout(315.0, read=300.0, write=10.0, connect=5.0),
            "max_retries": 1,
        }

        if 'openai_api_base' in credentials and credentials['openai_api_base']:
            credentials['openai_api_base'] = credentials['openai_api_base'].rstrip('/')
            credentials_kwargs['base_url'] = credentials['openai_api_base'] + '/v1'

        if 'openai_organization' in credentials:
            credentials_kwargs['organization'] = credentials['openai_organization']

        return credentials_kwargs
