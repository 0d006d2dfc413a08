"""The mapped classes the ORM rules read: a class expression of the walked file (``Volume``,
``models.Volume``) to a :class:`~flake8_dbsession.model.orm_classes.ModelClass`, read from its
``ast`` in this file or another module of the project (its mixins and bases, the backrefs of the
classes beside it), and the class a relationship of it holds. A mixin of the ORM rules' base."""
from __future__ import annotations

import ast
from typing import Callable, NamedTuple

from flake8_dbsession.model.orm_classes import ModelClass, model_class
from flake8_dbsession.model.scopes import Imported, LocalClass


class _Module(NamedTuple):
    """Where a mapped class is defined: its imports, its names, its classes (for backrefs)."""

    qualname_of: Callable[[ast.expr], str | None]
    lookup: Callable[[str], object]
    classes: list[ast.ClassDef]
    name: str | None = None  # the module's qualified name; None: the linted file


class MappedClasses:
    """Needs ``model`` (the session model of the walk), ``file`` and the per-file cache
    ``_classes`` and ``_module_classes``."""

    def _model(self, expr: ast.expr) -> ModelClass | None:
        """The mapped class a Name (or ``models.Project``) refers to (this file or the project),
        None when unknown."""
        if isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name):
            qualname = self.model.qualname(expr)
            resolver = self.file.project_resolver
            if qualname and resolver is not None:
                return resolver.remember("model-class", qualname, lambda: self._imported_class(qualname, 0))
            return None
        if not isinstance(expr, ast.Name):
            return None
        binding = self.model.scope.lookup(expr.id)[1]
        if isinstance(binding, LocalClass):
            return self._local_model(binding)
        resolver = self.file.project_resolver
        if isinstance(binding, Imported) and resolver is not None:
            return resolver.remember("model-class", binding.qualname,
                                     lambda: self._imported_class(binding.qualname, 0))
        return None

    def _local_model(self, binding: LocalClass) -> ModelClass | None:
        key = f"<local>.{binding.node.name}.{binding.node.lineno}"
        if key not in self._classes:
            self._classes[key] = None  # a class that inherits from itself: no answer
            here = _Module(self.model.qualname, lambda name: self.model.scope.lookup(name)[1], self._module_classes)
            self._classes[key] = self._mapped(binding.node, here, 0)
        return self._classes[key]

    def _mapped(self, cls: ast.ClassDef, module: _Module, depth: int) -> ModelClass:
        """The class's relationships, with those of its bases (mixins, abstract bases; bounded)
        and the backrefs the other classes of its module give it."""
        def base_model(base: ast.expr) -> ModelClass | None:
            if depth >= 4 or not isinstance(base, ast.Name):
                return None
            found = module.lookup(base.id)
            if isinstance(found, LocalClass) and found.node is not cls:
                return self._mapped(found.node, module, depth + 1)
            if isinstance(found, Imported):
                return self._imported_class(found.qualname, depth + 1)
            return None
        found = model_class(cls, module.qualname_of, base_model, [c for c in module.classes if c is not cls])
        found.module = module.name or "<local>"  # plain data: the answer outlives the module's tree
        return found

    def _imported_class(self, qualname: str, depth: int) -> ModelClass | None:
        resolver = self.file.project_resolver
        if resolver is None or depth > 4:
            return None
        found, facts = resolver.definition(qualname)
        if not (isinstance(found, LocalClass) and facts is not None):
            return None
        names = facts.scope.names
        project = self.file.project
        name = (project.module_name(facts.path) if project is not None else None) or qualname.rsplit(".", 1)[0]
        module = _Module(facts.model.qualname, names.get, [b.node for b in names.values() if isinstance(b, LocalClass)],
                         name)
        return self._mapped(found.node, module, depth)

    def _target(self, model: ModelClass, attr: str) -> ModelClass | None:
        """The mapped class the relationship ``attr`` of ``model`` holds, looked up where
        ``model`` is defined; None when it cannot be found."""
        name = model.targets.get(attr)
        if not name or not model.module:
            return None
        if model.module == "<local>":
            scope = self.model.module_scope
            found = scope.names.get(name) if scope is not None else None
            if isinstance(found, LocalClass):
                return self._local_model(found)
            if isinstance(found, Imported):
                resolver = self.file.project_resolver
                return resolver.remember("model-class", found.qualname,
                                         lambda: self._imported_class(found.qualname, 0)) if resolver else None
            return None
        resolver = self.file.project_resolver
        if resolver is None:
            return None
        qualname = f"{model.module}.{name}"
        return resolver.remember("model-class", qualname, lambda: self._imported_class(qualname, 0))
