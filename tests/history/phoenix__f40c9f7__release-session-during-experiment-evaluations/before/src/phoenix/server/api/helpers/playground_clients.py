# Reduced from Arize-ai/phoenix, src/phoenix/server/api/helpers/playground_clients.py, at 54943a5d5efc1875834dd48c7e4deadce0f5f984 (parent of fix f40c9f7d1dfef9f2748904c8d63300cfc26872bf).
from abc import ABC, abstractmethod
from contextlib import AbstractAsyncContextManager
from os import getenv
from typing import TYPE_CHECKING, Any, AsyncIterator, Callable, Generic, Optional, Sequence, TypeVar

import sqlalchemy as sa
from sqlalchemy.ext.asyncio import AsyncSession

from phoenix.db import models
from phoenix.server.api.input_types.ChatCompletionInput import (
    GenerativeCredentialInput,
    GenerativeModelInput,
)
from phoenix.server.api.types.ChatCompletionSubscriptionPayload import (
    FunctionCallChunk,
    TextChunk,
    ToolCallChunk,
)

if TYPE_CHECKING:
    from openai import AsyncOpenAI

ClientT = TypeVar("ClientT")
ChatCompletionChunk = TextChunk | ToolCallChunk


class PlaygroundStreamingClient(ABC, Generic[ClientT]):
    _client_factory: Callable[[], AbstractAsyncContextManager[ClientT]]

    def __init__(
        self,
        *,
        client_factory: Callable[[], AbstractAsyncContextManager[ClientT]],
        model_name: str,
        provider: str,
    ) -> None:
        self._attributes: dict[str, Any] = {"llm.provider": provider}
        self.provider = provider
        self.model_name = model_name
        self._client_factory = client_factory

    @abstractmethod
    async def chat_completion_create(
        self,
        messages: list[tuple[str, str, Optional[str], Optional[list[Any]]]],
        tools: list[Any],
        **invocation_parameters: Any,
    ) -> AsyncIterator[ChatCompletionChunk]:
        # a yield statement is needed to satisfy the type-checker
        # https://mypy.readthedocs.io/en/stable/more_types.html#asynchronous-iterators
        yield TextChunk(content="")

    @property
    def attributes(self) -> dict[str, Any]:
        return self._attributes


class OpenAIBaseStreamingClient(PlaygroundStreamingClient["AsyncOpenAI"]):
    async def chat_completion_create(
        self,
        messages: list[tuple[str, str, Optional[str], Optional[list[Any]]]],
        tools: list[Any],
        **invocation_parameters: Any,
    ) -> AsyncIterator[ChatCompletionChunk]:
        openai_messages = [{"role": role, "content": content} for role, content, _, _ in messages]
        async with self._client_factory() as client:
            stream = await client.chat.completions.create(
                messages=openai_messages,
                model=self.model_name,
                stream=True,
                tools=tools,
                **invocation_parameters,
            )
            async for chunk in stream:
                if not chunk.choices:
                    # for Azure, initial chunk contains the content filter
                    continue
                delta = chunk.choices[0].delta
                if isinstance(chunk_content := delta.content, str):
                    yield TextChunk(content=chunk_content)
                for tool_call in delta.tool_calls or []:
                    yield ToolCallChunk(
                        id=tool_call.id or "",
                        function=FunctionCallChunk(
                            name=tool_call.function.name or "",
                            arguments=tool_call.function.arguments or "",
                        ),
                    )


class OpenAIStreamingClient(OpenAIBaseStreamingClient):
    pass


async def get_playground_client(
    *,
    model: GenerativeModelInput,
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
    credentials: Sequence[GenerativeCredentialInput] | None = None,
) -> "PlaygroundStreamingClient[Any]":
    """
    Create a playground streaming client for the given model configuration.
    """
    from openai import AsyncOpenAI

    api_key = (
        _get_credential_from_input(credentials, "OPENAI_API_KEY")
        or (await _resolve_secrets(session, decrypt, "OPENAI_API_KEY")).get("OPENAI_API_KEY")
        or getenv("OPENAI_API_KEY")
    )

    # Create factory that returns fresh OpenAI client (native async context manager)
    def create_openai_client() -> AsyncOpenAI:
        return AsyncOpenAI(api_key=api_key, timeout=30)

    return OpenAIStreamingClient(
        client_factory=create_openai_client,
        model_name=model.name,
        provider="openai",
    )


async def _resolve_secrets(
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
    *keys: str,
) -> dict[str, str]:
    secrets = (
        await session.scalars(sa.select(models.Secret).where(models.Secret.key.in_(keys)))
    ).all()
    return {secret.key: decrypt(secret.value).decode("utf-8") for secret in secrets}


def _get_credential_from_input(
    credentials: Sequence[GenerativeCredentialInput] | None,
    env_var_name: str,
) -> str | None:
    """Extract a credential value from the input credentials list."""
    if not credentials:
        return None
    return next(
        (str(c.value) for c in credentials if c.env_var_name == env_var_name),
        None,
    )
