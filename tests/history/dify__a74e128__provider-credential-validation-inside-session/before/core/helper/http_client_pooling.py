# Reduced from langgenius/dify, api/core/helper/http_client_pooling.py at eaddd4a132dee27d5277a3b8160b3edf7eda8b2f (parent of fix a74e12809bc05113fb28737118fb5f97dfc23982)
"""HTTP client pooling utilities."""

from __future__ import annotations

import threading
from collections.abc import Callable

import httpx

ClientBuilder = Callable[[], httpx.Client]


class HttpClientPoolFactory:
    """Thread-safe factory that maintains reusable HTTP client instances."""

    def __init__(self) -> None:
        self._clients: dict[str, httpx.Client] = {}
        self._lock = threading.Lock()

    def get_or_create(self, key: str, builder: ClientBuilder) -> httpx.Client:
        """Return a pooled client associated with ``key`` creating it on demand."""
        client = self._clients.get(key)
        if client is not None:
            return client

        with self._lock:
            client = self._clients.get(key)
            if client is None:
                client = builder()
                self._clients[key] = client
        return client


_factory = HttpClientPoolFactory()


def get_pooled_http_client(key: str, builder: ClientBuilder) -> httpx.Client:
    """Return a pooled client for the given ``key`` using ``builder`` when missing."""
    return _factory.get_or_create(key, builder)
