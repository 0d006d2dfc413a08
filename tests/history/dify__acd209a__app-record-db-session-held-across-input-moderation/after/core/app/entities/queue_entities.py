# Reduced from langgenius/dify, api/core/app/entities/queue_entities.py at acd209a890507da03a7d2904da349225eb016381 (the fix)
from enum import Enum, StrEnum
from typing import Optional

from pydantic import BaseModel


class QueueEvent(StrEnum):
    """
    QueueEvent enum
    """

    TEXT_CHUNK = "text_chunk"
    ANNOTATION_REPLY = "annotation_reply"
    STOP = "stop"
    # (reduced: the other events are cut)


class AppQueueEvent(BaseModel):
    """
    QueueEvent abstract entity
    """

    event: QueueEvent


class QueueTextChunkEvent(AppQueueEvent):
    """
    QueueTextChunkEvent entity
    """

    event: QueueEvent = QueueEvent.TEXT_CHUNK
    text: str
    from_variable_selector: Optional[list[str]] = None
    """from variable selector"""
    in_iteration_id: Optional[str] = None
    """iteration id if node is in iteration"""
    in_loop_id: Optional[str] = None
    """loop id if node is in loop"""


class QueueStopEvent(AppQueueEvent):
    """
    QueueStopEvent entity
    """

    class StopBy(Enum):
        """
        Stop by enum
        """

        USER_MANUAL = "user-manual"
        ANNOTATION_REPLY = "annotation-reply"
        OUTPUT_MODERATION = "output-moderation"
        INPUT_MODERATION = "input-moderation"

    event: QueueEvent = QueueEvent.STOP
    stopped_by: StopBy
