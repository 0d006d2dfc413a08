# Reduced from langgenius/dify, api/core/app_runner/app_runner.py at f073dca22aac94cb48c509c32f999ca880338a94 (the fix)
from collections.abc import Generator
from typing import Optional, Union

from core.application_queue_manager import ApplicationQueueManager, PublishFrom
from core.entities.application_entities import ModelConfigEntity
from core.model_runtime.entities.llm_entities import LLMResult
from core.model_runtime.entities.message_entities import PromptMessage
from models.model import App


class AppRunner:
    def organize_prompt_messages(self, app_record: App,
                                 model_config: ModelConfigEntity,
                                 prompt_template_entity,
                                 inputs: dict[str, str],
                                 files: list,
                                 query: Optional[str] = None,
                                 context: Optional[str] = None) \
            -> tuple[list[PromptMessage], Optional[list[str]]]:
        """
        Organize prompt messages
        (reduced: the original fills the app's prompt template through PromptTransform, no I/O)
        """
        prompt_messages = [PromptMessage(content=query or '')]
        return prompt_messages, model_config.stop

    def _handle_invoke_result(self, invoke_result: Union[LLMResult, Generator],
                              queue_manager: ApplicationQueueManager,
                              stream: bool,
                              agent: bool = False) -> None:
        """
        Handle invoke result
        :param invoke_result: invoke result
        :param queue_manager: application queue manager
        :param stream: stream
        :return:
        """
        if not stream:
            queue_manager.publish_message_end(
                llm_result=invoke_result,
                pub_from=PublishFrom.APPLICATION_MANAGER
            )
        else:
            for result in invoke_result:
                queue_manager.publish_chunk_message(result, PublishFrom.APPLICATION_MANAGER)
