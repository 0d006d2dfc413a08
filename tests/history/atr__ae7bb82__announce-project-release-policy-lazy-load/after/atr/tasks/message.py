# From apache/tooling-trusted-releases, atr/tasks/message.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

import atr.models.schema as schema


class Send(schema.Strict):
    """Arguments for the task to send an email."""

    email_sender: str = schema.description("The email address of the sender")
    email_recipient: str = schema.description("The email address of the recipient")
    subject: str = schema.description("The subject of the email")
    body: str = schema.description("The body of the email")
    in_reply_to: str | None = schema.description("The message ID of the email to reply to")


class SendError(Exception): ...
