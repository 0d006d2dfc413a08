"""What the ORM rules know of one object: :class:`Held`, the ORM object a name of the walked
function holds (or one reached from it through loaded relationships), with its class, the paths
its query loaded and the state of its session."""
from __future__ import annotations

import ast
from dataclasses import dataclass, field

from flake8_dbsession.model.orm_classes import ModelClass


@dataclass
class Held:
    """An ORM object an async session holds, bound to a local name (or reached from one through
    loaded relationships: ``m.comment`` of a mention loaded with ``selectinload(M.comment)``)."""

    session: str  # source text of the session ('db')
    model: ModelClass | None
    # relationship paths loaded with it ('comment', 'comment.author'); None: options we cannot read
    eager: frozenset[str] | None
    persistent: bool = True  # loaded, or added and then flushed/committed
    added: bool = False
    constructor: ast.expr | None = None  # x = Model(...): the class is looked up when x is added
    expired_by: str | None = None  # 'commit' / 'rollback' that expired it, until refreshed
    # how its session was closed ("the 'async with' block of 'db' ended on line 12", "'db.close()'"):
    # it is detached, and a read that needs a load raises DetachedInstanceError (decision 3)
    detached_by: str | None = None
    # what was reported, by relationship path from the loaded object (shared with the objects
    # reached from it: one finding per object and path)
    reported: set[str] = field(default_factory=set)
    path: str = ""  # the relationships followed from the loaded object to this one ('comment.')
    root: "Held | None" = None  # the object the query loaded (None: this one)
    many: bool = False  # one of many objects loaded together (their many-to-ones point at many rows)

    def element(self) -> "Held":
        """An element of a list of loaded objects: loaded, and detached, as the list is."""
        return Held(self.session, self.model, self.eager, detached_by=self.detached_by, path=self.path,
                    root=self.root, many=True)

    @property
    def loaded(self) -> "Held":
        return self.root or self
