# From MODSetter/SurfSense, surfsense_backend/app/services/page_limit_service.py (fix 9d0f5b4249f6ee15eee12575b93468ae17e82f3f; before/ is its parent), reduced (update/usage helpers and per-format estimates cut).
"""
Service for managing user page limits for ETL services.
"""

import os
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession


class PageLimitExceededError(Exception):
    """
    Exception raised when a user exceeds their page processing limit.
    """

    def __init__(
        self,
        message: str = "Page limit exceeded. Please contact admin to increase limits for your account.",
        pages_used: int = 0,
        pages_limit: int = 0,
        pages_to_add: int = 0,
    ):
        self.pages_used = pages_used
        self.pages_limit = pages_limit
        self.pages_to_add = pages_to_add
        super().__init__(message)


class PageLimitService:
    """Service for checking and updating user page limits."""

    def __init__(self, session: AsyncSession):
        self.session = session

    async def check_page_limit(
        self, user_id: str, estimated_pages: int = 1
    ) -> tuple[bool, int, int]:
        """
        Check if user has enough pages remaining for processing.

        Args:
            user_id: The user's ID
            estimated_pages: Estimated number of pages to be processed

        Returns:
            Tuple of (has_capacity, pages_used, pages_limit)

        Raises:
            PageLimitExceededError: If user would exceed their page limit
        """
        from app.db import User

        # Get user's current page usage
        result = await self.session.execute(
            select(User.pages_used, User.pages_limit).where(User.id == user_id)
        )
        row = result.first()

        if not row:
            raise ValueError(f"User with ID {user_id} not found")

        pages_used, pages_limit = row

        # Check if adding estimated pages would exceed limit
        if pages_used + estimated_pages > pages_limit:
            raise PageLimitExceededError(
                message=f"Processing this document would exceed your page limit. "
                f"Used: {pages_used}/{pages_limit} pages. "
                f"Document has approximately {estimated_pages} page(s). "
                f"Please contact admin to increase limits for your account.",
                pages_used=pages_used,
                pages_limit=pages_limit,
                pages_to_add=estimated_pages,
            )

        return True, pages_used, pages_limit


    def estimate_pages_before_processing(self, file_path: str) -> int:
        """
        Estimate page count from file before processing (to avoid unnecessary API calls).
        This is called BEFORE sending to ETL services to prevent cost on rejected files.

        Args:
            file_path: Path to the file

        Returns:
            Estimated number of pages
        """
        if not os.path.exists(file_path):
            raise ValueError(f"File not found: {file_path}")

        file_ext = Path(file_path).suffix.lower()
        file_size = os.path.getsize(file_path)

        # PDF files - try to get actual page count
        if file_ext == ".pdf":
            # Typical PDF: ~100KB per page (conservative estimate)
            return max(1, file_size // (100 * 1024))

        # Default: ~80KB per page
        return max(1, file_size // (80 * 1024))
