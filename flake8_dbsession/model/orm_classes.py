"""Mapped classes as the ORM rules need them: which relationships a class declares, and which of
them lazy-load with I/O. Read from the class's ``ast`` (this file's or another module's), never
imported."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flake8_dbsession.model.syntax import called_name

_COLLECTION_TYPES = {"list", "List", "set", "Set", "Sequence", "Collection", "tuple"}


@dataclass
class ModelClass:
    name: str
    lazy_relationships: frozenset[str]  # reading them lazy-loads with I/O
    relationships: frozenset[str]
    # lazy "select" scalars of a class with a foreign key: a many-to-one, loaded without I/O only
    # when its target row already sits in the session's identity map (decision 1a)
    identity_map_relationships: frozenset[str] = frozenset()
    # lazy="raise" / "raise_on_sql": reading one that no option loaded raises InvalidRequestError
    # (decision 1b); a raise_on_sql many-to-one may still come from the identity map
    raise_relationships: frozenset[str] = frozenset()
    raise_on_sql_relationships: frozenset[str] = frozenset()  # those of them declared "raise_on_sql"
    raise_on_sql_scalars: frozenset[str] = frozenset()
    # relationship -> the name of the class it holds ('ChatComment' of relationship("ChatComment"),
    # of Mapped[list["ChatComment"]]), looked up where the class is defined
    targets: dict[str, str] = field(default_factory=dict, compare=False)
    module: object = field(default=None, compare=False)  # where it is defined (set by its reader)

    @property
    def loading(self) -> frozenset[str]:
        """The relationships whose read, unloaded, asks the session for them (lazily or to refuse)."""
        return self.lazy_relationships | self.identity_map_relationships | self.raise_relationships


def model_class(cls: ast.ClassDef, qualname_of, base_model=None, siblings=()) -> ModelClass:
    """The relationships of a mapped class, and which of them lazy-load with I/O for certain.

    A relationship lazy-loads with I/O when its strategy is the default ``select`` and it is a
    collection (``Mapped[list[...]]``, ``uselist=True``, ``secondary=``), or when the class has no
    foreign key at all (so it cannot be a many-to-one, which SQLAlchemy may answer from the
    identity map without I/O)."""
    has_fk = any(called_name(n) == "ForeignKey" or (isinstance(n, ast.keyword) and n.arg == "foreign_key")
                 for stmt in cls.body if isinstance(stmt, (ast.Assign, ast.AnnAssign)) for n in ast.walk(stmt))
    lazy, names, scalars, raising, on_sql, raising_scalars = set(), set(), set(), set(), set(), set()
    targets: dict[str, str] = {}
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name):
            target, value, annotation = stmt.targets[0].id, stmt.value, None
        elif isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.value is not None:
            target, value, annotation = stmt.target.id, stmt.value, stmt.annotation
        else:
            continue
        if not _is_relationship(value, qualname_of):
            continue
        names.add(target)
        held = _target_name(value, annotation)
        if held:
            targets[target] = held
        keywords = {kw.arg: kw.value for kw in value.keywords if kw.arg}
        extra = keywords.get("sa_relationship_kwargs")
        if isinstance(extra, ast.Dict):
            keywords.update({k.value: v for k, v in zip(extra.keys, extra.values)
                             if isinstance(k, ast.Constant) and isinstance(k.value, str)})
        strategy = keywords.get("lazy")
        if isinstance(strategy, ast.Constant) and strategy.value in ("raise", "raise_on_sql"):
            raising.add(target)
            if strategy.value == "raise_on_sql":
                on_sql.add(target)
                if has_fk and not _collection(keywords, annotation):
                    raising_scalars.add(target)
            continue
        if strategy is not None and not (isinstance(strategy, ast.Constant) and strategy.value in ("select", True)):
            continue  # selectin, joined, write_only... or something we cannot read
        if _annotation_head(annotation) in ("WriteOnlyMapped", "DynamicMapped"):
            continue
        if "primaryjoin" in keywords and has_fk:
            scalars.add(target)  # which side holds the key is not read: maybe from the identity map
            continue
        if _collection(keywords, annotation) or not has_fk:
            lazy.add(target)
        else:
            scalars.add(target)
    for base in cls.bases if base_model is not None else ():
        inherited = base_model(base)  # mixins and abstract bases declare relationships too
        if inherited is not None:
            lazy |= inherited.lazy_relationships
            names |= inherited.relationships
            scalars |= inherited.identity_map_relationships
            raising |= inherited.raise_relationships
            on_sql |= inherited.raise_on_sql_relationships
            raising_scalars |= inherited.raise_on_sql_scalars
            targets = {**inherited.targets, **targets}
    for other in siblings:
        for name, is_lazy in _backrefs_onto(cls.name, other, qualname_of):
            names.add(name)
            targets.setdefault(name, other.name)
            if is_lazy:
                lazy.add(name)
    return ModelClass(cls.name, frozenset(lazy), frozenset(names), frozenset(scalars - lazy),
                      frozenset(raising - lazy - scalars), frozenset(on_sql - lazy - scalars),
                      frozenset(raising_scalars - lazy - scalars), targets)


def annotated_class_name(annotation: ast.expr | None) -> str | None:
    """The class an annotation names, through ``Optional``/``List``/``list``/``Mapped``/``|``
    and strings: ``List["ProjectModel"]`` -> 'ProjectModel'."""
    node = annotation
    for _ in range(4):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            try:
                node = ast.parse(node.value, mode="eval").body
            except SyntaxError:
                return None
            continue
        if isinstance(node, ast.Subscript):
            inner = node.slice
            node = inner.elts[0] if isinstance(inner, ast.Tuple) and inner.elts else inner
        elif isinstance(node, ast.BinOp):  # "X" | None
            node = node.left if not (isinstance(node.left, ast.Constant) and node.left.value is None) else node.right
        else:
            break
    if isinstance(node, ast.Name) and node.id not in _COLLECTION_TYPES and node.id not in ("Optional", "Mapped"):
        return node.id
    return None


def _target_name(value: ast.Call, annotation: ast.expr | None) -> str | None:
    """The class a relationship holds: its first argument (``"ChatComment"``, ``ChatComment``,
    ``"models.ChatComment"``), else the class its annotation names (``Mapped[list["X"]]``,
    ``Optional["X"]``, ``"X" | None``)."""
    first = value.args[0] if value.args else next((kw.value for kw in value.keywords if kw.arg == "argument"), None)
    if isinstance(first, ast.Constant) and isinstance(first.value, str):
        return first.value.rsplit(".", 1)[-1].strip() or None
    if isinstance(first, (ast.Name, ast.Attribute)):
        return first.id if isinstance(first, ast.Name) else first.attr
    return annotated_class_name(annotation)


def _collection(keywords: dict[str, ast.expr], annotation: ast.expr | None) -> bool:
    """``secondary=``, ``uselist=True`` or a collection annotation: a one-to-many or many-to-many."""
    uselist = keywords.get("uselist")
    return ("secondary" in keywords or (isinstance(uselist, ast.Constant) and uselist.value is True)
            or _collection_annotation(annotation))


def _is_relationship(value: ast.expr, qualname_of) -> bool:
    if not isinstance(value, ast.Call):
        return False
    qualname = qualname_of(value.func) or ""
    return (qualname.startswith("sqlalchemy.") and qualname.endswith(".relationship")
            or qualname.startswith("sqlmodel") and qualname.endswith("Relationship"))


def _backrefs_onto(target: str, other: ast.ClassDef, qualname_of):
    """``addresses = relationship("Address", backref="user")`` on ``other`` gives ``target`` the
    relationship ``user``: (name, lazy-loads with I/O for certain). The backref side is a
    collection, so it loads with I/O, when the forward side is many-to-many (``secondary=``) or a
    many-to-one (a scalar on a class with a foreign key); it is lazy ``select`` unless
    ``backref("user", lazy=...)`` says otherwise."""
    has_fk = any(called_name(n) == "ForeignKey" for stmt in other.body
                 if isinstance(stmt, (ast.Assign, ast.AnnAssign)) for n in ast.walk(stmt))
    for stmt in other.body:
        value = stmt.value if isinstance(stmt, (ast.Assign, ast.AnnAssign)) else None
        if value is None or not _is_relationship(value, qualname_of) or not value.args:
            continue
        first = value.args[0]
        named = first.value if isinstance(first, ast.Constant) else getattr(first, "id", None)
        if named != target:
            continue
        keywords = {kw.arg: kw.value for kw in value.keywords if kw.arg}
        backref = keywords.get("backref")
        strategy = None
        if isinstance(backref, ast.Call) and called_name(backref.func) == "backref" and backref.args:
            strategy = next((kw.value for kw in backref.keywords if kw.arg == "lazy"), None)
            backref = backref.args[0]
        if not (isinstance(backref, ast.Constant) and isinstance(backref.value, str)):
            continue
        annotation = stmt.annotation if isinstance(stmt, ast.AnnAssign) else None
        uselist = keywords.get("uselist")
        forward_collection = (isinstance(uselist, ast.Constant) and uselist.value is True) \
            or _collection_annotation(annotation)
        collection = "secondary" in keywords or (has_fk and not forward_collection)
        default = strategy is None or (isinstance(strategy, ast.Constant) and strategy.value in ("select", True))
        yield backref.value, collection and default


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
