# From mozilla-ai/clawbolt, tests/test_encryption.py (fix e089412d504ff2cca60ab8911c3e9d09ac88ae9a; before/ is its parent), reduced.
"""Tests for envelope encryption (KEK provider, EncryptedString, migration helper)."""

from __future__ import annotations

import importlib.util
import secrets
import uuid
from collections.abc import Generator
from pathlib import Path
from typing import cast

import pytest
from pydantic import SecretStr
from sqlalchemy import text as _sa_text

import backend.app.auth.loader as auth_loader
import backend.app.database as _db_module
from alembic import op as _alembic_op
from backend.app.config import settings as _app_settings
from backend.app.models import ChatSession, User
from backend.app.security.encryption import (
    ENVELOPE_PREFIX,
    EncryptionContext,
    KEKProvider,
)


def _load_migration_020():  # noqa: ANN202
    """Load migration 020 by file path; module names can't start with a digit."""
    spec = importlib.util.spec_from_file_location(
        "migration_020",
        Path(__file__).parent.parent
        / "alembic"
        / "versions"
        / "020_envelope_encrypt_message_body.py",
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class _RecordingProvider:
    """KEK provider that records every wrap/unwrap context."""

    KEK_ID = "recording"

    def __init__(self) -> None:
        self.wrap_calls: list[EncryptionContext] = []
        self.unwrap_calls: list[EncryptionContext] = []
        self._store: dict[bytes, bytes] = {}

    def wrap(self, dek: bytes, *, context: EncryptionContext) -> tuple[str, bytes]:
        self.wrap_calls.append(dict(context))  # type: ignore[arg-type]
        token = secrets.token_bytes(16)
        self._store[token] = dek
        return self.KEK_ID, token

    def unwrap(self, kek_id: str, wrapped: bytes, *, context: EncryptionContext) -> bytes:
        assert kek_id == self.KEK_ID
        self.unwrap_calls.append(dict(context))  # type: ignore[arg-type]
        return self._store[wrapped]


@pytest.fixture()
def install_recording_provider() -> Generator[_RecordingProvider]:
    """Install a recording KEK provider for the duration of the test."""
    auth_loader.reset_kek_provider()
    provider = _RecordingProvider()
    auth_loader._kek_provider = cast(KEKProvider, provider)
    yield provider
    auth_loader.reset_kek_provider()


def test_migration_020_full_upgrade_loop_against_real_db(
    install_recording_provider: _RecordingProvider,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """End-to-end run of ``upgrade()`` against the test database."""
    monkeypatch.setattr(_app_settings, "encryption_key", SecretStr("a" * 32))

    # Insert plaintext rows directly via raw SQL to simulate the pre-
    # migration state. Going through the ORM would invoke the
    # ``EncryptedString`` type decorator and pre-encrypt them, which is
    # exactly what we want to AVOID for this test.
    db = _db_module.SessionLocal()
    try:
        user = User(id=str(uuid.uuid4()), user_id="msg-mig-e2e-test", onboarding_complete=True)
        db.add(user)
        db.flush()
        cs = ChatSession(session_id=f"sess-{uuid.uuid4().hex[:8]}", user_id=user.id)
        db.add(cs)
        db.flush()
        # Three plaintext rows so we exercise the multi-row code path.
        for seq, body, ctx in [
            (1, "first plaintext body", "first context"),
            (2, "second plaintext body", ""),
            (3, "", ""),  # all-empty: must skip without error
        ]:
            db.execute(
                _sa_text(
                    "INSERT INTO messages (session_id, seq, direction, body, "
                    "processed_context, tool_interactions_json, external_message_id, "
                    "media_urls_json, timestamp) VALUES (:s, :seq, 'inbound', :b, "
                    ":pc, '', '', '', NOW())"
                ),
                {"s": cs.id, "seq": seq, "b": body, "pc": ctx},
            )
        db.commit()
    finally:
        db.close()

    migration = _load_migration_020()
    db = _db_module.SessionLocal()
    try:
        monkeypatch.setattr(_alembic_op, "get_bind", lambda: db.connection())
        migration.upgrade()
        db.commit()
    finally:
        db.close()

    # Verify the migration wrote envelopes for the non-empty rows and
    # left the empty row alone (empty strings short-circuit in _rekey).
    db = _db_module.SessionLocal()
    try:
        rows = db.execute(
            _sa_text(
                "SELECT seq, body, processed_context FROM messages "
                "WHERE session_id = :s ORDER BY seq"
            ),
            {"s": cs.id},  # DBS015
        ).all()
        assert len(rows) == 3
        # Row 1: both columns envelope-encrypted.
        assert rows[0].body.startswith(ENVELOPE_PREFIX + ".")
        assert rows[0].processed_context.startswith(ENVELOPE_PREFIX + ".")
        # Row 2: body envelope, empty context stays empty.
        assert rows[1].body.startswith(ENVELOPE_PREFIX + ".")
        assert rows[1].processed_context == ""
        # Row 3: both empty, must remain empty (no envelope on empty).
        assert rows[2].body == ""
        assert rows[2].processed_context == ""
    finally:
        db.close()

    # Idempotent re-run: a second ``upgrade()`` on the now-encrypted
    # rows must NOT issue any UPDATE.
    db = _db_module.SessionLocal()
    try:
        monkeypatch.setattr(_alembic_op, "get_bind", lambda: db.connection())
        migration.upgrade()
        db.commit()
    finally:
        db.close()
