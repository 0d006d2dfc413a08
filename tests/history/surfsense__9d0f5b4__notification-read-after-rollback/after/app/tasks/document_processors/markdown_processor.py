# From MODSetter/SurfSense, surfsense_backend/app/tasks/document_processors/markdown_processor.py (fix 9d0f5b4249f6ee15eee12575b93468ae17e82f3f; before/ is its parent), reduced (summarising, chunking and storing cut).
"""
Markdown file document processor.
"""

from sqlalchemy.ext.asyncio import AsyncSession

from app.db import Document


async def add_received_markdown_file_document(
    session: AsyncSession,
    file_name: str,
    file_in_markdown: str,
    search_space_id: int,
    user_id: str,
) -> Document | None:
    """
    Process and store a markdown file document.

    Args:
        session: Database session
        file_name: Name of the markdown file
        file_in_markdown: Content of the markdown file
        search_space_id: ID of the search space
        user_id: ID of the user

    Returns:
        Document object if successful, None if failed
    """
    raise NotImplementedError()
