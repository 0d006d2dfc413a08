"""What the rest of the project says. The only package that reads files other than the one linted."""


def forget_sources(files_changed: bool = False) -> None:
    """Drop everything learnt from the project's files (the language server calls this when a
    buffer or a file changes): indexes and their texts, module facts and the answers derived from
    them. ``files_changed``: files may have been created or removed, so folder listings and project
    metadata are read again too."""
    from flake8_dbsession.project import index, metadata, resolve
    from flake8_dbsession.rules import io_calls

    index._INDEXES.clear()
    resolver = resolve.ProjectResolver
    resolver._evicted.extend(facts for facts in resolver._facts.values() if facts is not None)
    resolver._facts.clear()
    resolver._answers.clear()
    resolver._relevance.clear()
    resolver._globals_set.clear()
    resolver.release_evicted()
    io_calls._function_cache.clear()
    if files_changed:
        for module in (index, metadata):
            for value in vars(module).values():
                if hasattr(value, "cache_clear"):
                    value.cache_clear()
