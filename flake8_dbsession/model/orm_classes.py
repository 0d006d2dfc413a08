"""Mapped classes as the ORM rules need them: which relationships a class declares, and which of
them lazy-load with I/O. Read from the class's ``ast`` (this file's or another module's), never
imported."""
from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_dbsession.model.syntax import called_name

_COLLECTION_TYPES = {"list", "List", "set", "Set", "Sequence", "Collection", "tuple"}


@dataclass
class ModelClass:
    name: str
    lazy_relationships: frozenset[str]  # reading them lazy-loads with I/O
    relationships: frozenset[str]


def model_class(cls: ast.ClassDef, qualname_of) -> ModelClass:
    """The relationships of a mapped class, and which of them lazy-load with I/O for certain.

    A relationship lazy-loads with I/O when its strategy is the default ``select`` and it is a
    collection (``Mapped[list[...]]``, ``uselist=True``, ``secondary=``), or when the class has no
    foreign key at all (so it cannot be a many-to-one, which SQLAlchemy may answer from the
    identity map without I/O)."""
    has_fk = any(called_name(n) == "ForeignKey" or (isinstance(n, ast.keyword) and n.arg == "foreign_key")
                 for stmt in cls.body if isinstance(stmt, (ast.Assign, ast.AnnAssign)) for n in ast.walk(stmt))
    lazy, names = set(), set()
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target, value, annotation = stmt.targets[0].id, stmt.value, None
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            target, value, annotation = stmt.target.id, stmt.value, stmt.annotation
        else:
            continue
        if not isinstance(value, ast.Call):
            continue
        qualname = qualname_of(value.func) or ""
        if not (qualname.startswith("sqlalchemy.") and qualname.endswith(".relationship")
                or qualname.startswith("sqlmodel") and qualname.endswith("Relationship")):
            continue
        names.add(target)
        keywords = {kw.arg: kw.value for kw in value.keywords if kw.arg}
        extra = keywords.get("sa_relationship_kwargs")
        if isinstance(extra, ast.Dict):
            keywords.update({k.value: v for k, v in zip(extra.keys, extra.values)
                             if isinstance(k, ast.Constant) and isinstance(k.value, str)})
        strategy = keywords.get("lazy")
        if strategy is not None and not (isinstance(strategy, ast.Constant) and strategy.value in ("select", True)):
            continue  # selectin, joined, raise, write_only... or something we cannot read
        if "primaryjoin" in keywords and has_fk:
            continue
        uselist = keywords.get("uselist")
        collection = ("secondary" in keywords or (isinstance(uselist, ast.Constant) and uselist.value is True)
                      or _collection_annotation(annotation))
        if _annotation_head(annotation) in ("WriteOnlyMapped", "DynamicMapped"):
            continue
        if collection or not has_fk:
            lazy.add(target)
    return ModelClass(cls.name, frozenset(lazy), frozenset(names))


def _annotation_head(annotation: ast.expr | None) -> str | None:
    if isinstance(annotation, ast.Subscript):
        return called_name(annotation.value)
    return None


def _collection_annotation(annotation: ast.expr | None) -> bool:
    """``Mapped[list["Url"]]``, ``list["Url"]`` (sqlmodel)."""
    if not isinstance(annotation, ast.Subscript):
        return False
    head = called_name(annotation.value)
    if head in _COLLECTION_TYPES:
        return True
    if head == "Mapped" and isinstance(annotation.slice, ast.Subscript):
        return called_name(annotation.slice.value) in _COLLECTION_TYPES
    return False
