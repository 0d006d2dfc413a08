# From apache/tooling-trusted-releases, atr/util.py (fix ae7bb82d39a79d1e30acd2b94c389c4b421a24ce; before/ is its parent), reduced.
# Licensed to the Apache Software Foundation (ASF) under the Apache License, Version 2.0.

import os
import pathlib
from typing import Any, Final, TypeVar

import aiofiles.os

import atr.config as config
import atr.log as log
import atr.models.sql as sql

T = TypeVar("T")

USER_TESTS_ADDRESS: Final[str] = "user-tests@tooling.apache.org"


def chmod_directories(path: pathlib.Path, permissions: int = 0o755) -> None:
    os.chmod(path, permissions)
    for dir_path in path.rglob("*"):
        if dir_path.is_dir():
            os.chmod(dir_path, permissions)


async def create_hard_link_clone(
    source_dir: pathlib.Path,
    dest_dir: pathlib.Path,
    do_not_create_dest_dir: bool = False,
    exist_ok: bool = False,
    dry_run: bool = False,
) -> None:
    """Recursively create a clone of source_dir in dest_dir using hard links for files."""

    async def _clone_recursive(current_source: pathlib.Path, current_dest: pathlib.Path) -> None:
        for entry in await aiofiles.os.scandir(current_source):
            source_entry_path = current_source / entry.name
            dest_entry_path = current_dest / entry.name

            try:
                if entry.is_dir():
                    await aiofiles.os.makedirs(dest_entry_path, exist_ok=True)
                    await _clone_recursive(source_entry_path, dest_entry_path)
                elif entry.is_file():
                    if not dry_run:
                        await aiofiles.os.link(source_entry_path, dest_entry_path)
                    elif dry_run and (await aiofiles.os.path.exists(dest_entry_path)):
                        raise ValueError(f"Destination path exists: {dest_entry_path}")
            except OSError as e:
                log.error(f"Error cloning {source_entry_path} to {dest_entry_path}: {e}")
                raise

    await _clone_recursive(source_dir, dest_dir)


def get_downloads_dir() -> pathlib.Path:
    return pathlib.Path(config.get().DOWNLOADS_STORAGE_DIR)


def get_finished_dir() -> pathlib.Path:
    return pathlib.Path(config.get().FINISHED_STORAGE_DIR)


def get_unfinished_dir() -> pathlib.Path:
    return pathlib.Path(config.get().UNFINISHED_STORAGE_DIR)


def permitted_recipients(asf_uid: str) -> list[str]:
    return [
        USER_TESTS_ADDRESS,
        f"{asf_uid}@apache.org",
    ]


def release_directory(release: sql.Release) -> pathlib.Path:
    """Return the absolute path to the directory containing the active files for a given release phase."""
    latest_revision_number = release.latest_revision_number
    if (release.phase == sql.ReleasePhase.RELEASE) or (latest_revision_number is None):
        return release_directory_base(release)
    return release_directory_base(release) / latest_revision_number


def release_directory_base(release: sql.Release) -> pathlib.Path:
    """Determine the filesystem directory for a given release based on its phase."""
    phase = release.phase
    project_name = release.project.name
    version_name = release.version

    base_dir: pathlib.Path | None = None
    match phase:
        case sql.ReleasePhase.RELEASE_CANDIDATE_DRAFT:
            base_dir = get_unfinished_dir()
        case sql.ReleasePhase.RELEASE_CANDIDATE:
            base_dir = get_unfinished_dir()
        case sql.ReleasePhase.RELEASE_PREVIEW:
            base_dir = get_unfinished_dir()
        case sql.ReleasePhase.RELEASE:
            base_dir = get_finished_dir()
        # Do not add "case _" here
    return base_dir / project_name / version_name


# The original spells this "def validate_as_type[T](value: Any, t: type[T]) -> T" (PEP 695)
def validate_as_type(value: Any, t: type[T]) -> T:
    """Validate the given value as the given type."""
    if not isinstance(value, t):
        raise ValueError(f"Expected {t}, got {type(value)}")
    return value
