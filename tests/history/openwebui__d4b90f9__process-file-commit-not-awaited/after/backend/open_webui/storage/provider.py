# From open-webui/open-webui, backend/open_webui/storage/provider.py (fix d4b90f93bda2413ec8f040e61959acdb7b242061; before/ is its parent), reduced.
class LocalStorageProvider:
    @staticmethod
    def get_file(file_path: str) -> str:
        """Handles downloading of the file from local storage."""
        return file_path


Storage = LocalStorageProvider()
