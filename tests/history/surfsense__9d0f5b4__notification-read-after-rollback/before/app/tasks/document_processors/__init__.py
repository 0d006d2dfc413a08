# From MODSetter/SurfSense, surfsense_backend/app/tasks/document_processors/__init__.py (fix 9d0f5b4249f6ee15eee12575b93468ae17e82f3f; before/ is its parent), reduced (other processors cut).
"""
Document processors module for background tasks.

This module provides a collection of document processors for different content types
and sources. Each processor is responsible for handling a specific type of document
processing task in the background.
"""

# Markdown processor
from .markdown_processor import add_received_markdown_file_document

__all__ = [
    # Markdown file processing
    "add_received_markdown_file_document",
]
