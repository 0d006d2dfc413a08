# From mozilla-ai/clawbolt, backend/app/security/encryption.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent), reduced.
"""Envelope encryption for credential columns."""

from __future__ import annotations

import base64
import logging
import secrets
from typing import Protocol, TypedDict

from cryptography.fernet import Fernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from backend.app.config import settings

_logger = logging.getLogger(__name__)

ENVELOPE_PREFIX = "clw1"


class EncryptionContext(TypedDict, total=False):
    table: str
    column: str
    user_id: str
    tenant_id: str


class KEKProvider(Protocol):
    def wrap(self, dek: bytes, *, context: EncryptionContext) -> tuple[str, bytes]:
        ...

    def unwrap(self, kek_id: str, wrapped: bytes, *, context: EncryptionContext) -> bytes:
        ...


class LocalKEKProvider:
    KEK_ID = "local"

    def __init__(self, key_material: bytes | None = None) -> None:
        if key_material is None:
            configured = settings.encryption_key.get_secret_value().encode()
            if configured:
                key_material = configured
            else:
                key_material = secrets.token_bytes(32)
                _logger.warning(
                    "ENCRYPTION_KEY not set; using ephemeral process-local KEK. "
                    "Stored credentials will become unreadable after restart."
                )
        self._fernet = Fernet(_derive_wrapping_key(key_material))

    def wrap(self, dek: bytes, *, context: EncryptionContext) -> tuple[str, bytes]:
        del context  # unused in OSS provider
        return self.KEK_ID, self._fernet.encrypt(dek)

    def unwrap(self, kek_id: str, wrapped: bytes, *, context: EncryptionContext) -> bytes:
        del context  # unused in OSS provider
        if kek_id != self.KEK_ID:
            raise ValueError(
                f"LocalKEKProvider cannot unwrap kek_id={kek_id!r}; expected {self.KEK_ID!r}"
            )
        return self._fernet.decrypt(wrapped)


def _derive_wrapping_key(key_material: bytes) -> bytes:
    hkdf = HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=None,
        info=b"clawbolt-kek-wrap-v1",
    )
    return base64.urlsafe_b64encode(hkdf.derive(key_material))


def is_envelope(value: str) -> bool:
    return value.startswith(ENVELOPE_PREFIX + ".")
