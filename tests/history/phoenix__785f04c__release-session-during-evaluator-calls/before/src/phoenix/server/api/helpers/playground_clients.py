# Reduced from Arize-ai/phoenix, src/phoenix/server/api/helpers/playground_clients.py, at 87f6d8e74944970dd2d7db07fc5a72c69e382113 (parent of fix 785f04c235824cd9ae31482f631f6140a3341045).
from abc import ABC, abstractmethod
from contextlib import AbstractAsyncContextManager
from typing import Any, AsyncIterator, Callable, Generic, TypeVar

from openai import AsyncOpenAI
from sqlalchemy.ext.asyncio import AsyncSession

ClientT = TypeVar("ClientT")


class PlaygroundStreamingClient(ABC, Generic[ClientT]):
    _client_factory: Callable[[], AbstractAsyncContextManager[ClientT]]

    def __init__(
        self,
        *,
        client_factory: Callable[[], AbstractAsyncContextManager[ClientT]],
        model_name: str,
        provider: str,
    ) -> None:
        self.provider = provider
        self.model_name = model_name
        self._client_factory = client_factory

    async def chat_completion_create(
        self,
        messages: list[dict[str, Any]],
        tools: list[Any],
        **invocation_parameters: Any,
    ) -> AsyncIterator[dict[str, Any]]:
        async for chunk in self._chat_completion_create(
            messages=messages, tools=tools, **invocation_parameters
        ):
            yield chunk

    @abstractmethod
    def _chat_completion_create(
        self,
        *,
        messages: list[dict[str, Any]],
        tools: list[Any],
        **invocation_parameters: Any,
    ) -> AsyncIterator[dict[str, Any]]: ...


class OpenAIStreamingClient(PlaygroundStreamingClient["AsyncOpenAI"]):
    async def _chat_completion_create(
        self,
        *,
        messages: list[dict[str, Any]],
        tools: list[Any],
        **invocation_parameters: Any,
    ) -> AsyncIterator[dict[str, Any]]:
        async with self._client_factory() as client:
            stream = await client.chat.completions.create(
                messages=messages,
                model=self.model_name,
                stream=True,
                tools=tools,
                **invocation_parameters,
            )
            async for chunk in stream:
                if not chunk.choices:
                    continue
                for tool_call in chunk.choices[0].delta.tool_calls or []:
                    yield {
                        "id": tool_call.id,
                        "name": tool_call.function.name,
                        "arguments": tool_call.function.arguments,
                    }


async def get_playground_client(
    *,
    model_name: str,
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
) -> "PlaygroundStreamingClient[Any]":
    api_key = await _resolve_secrets(session, decrypt, "OPENAI_API_KEY")
    return OpenAIStreamingClient(
        client_factory=lambda: AsyncOpenAI(api_key=api_key),
        model_name=model_name,
        provider="openai",
    )


async def _resolve_secrets(
    session: AsyncSession,
    decrypt: Callable[[bytes], bytes],
    key: str,
) -> str:
    from sqlalchemy import text

    value = await session.scalar(text("SELECT value FROM secrets WHERE key = :key"), {"key": key})
    return decrypt(value).decode() if value else ""
