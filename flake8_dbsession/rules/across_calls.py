"""The base of rules that ask about other functions: the linted file's slow-call detector and
the summary layer behind it, built on first use, and the class a method being walked belongs to."""
from __future__ import annotations

from flake8_dbsession.model.receiver_types import attribute_classes
from flake8_dbsession.rules.base import Rule
from flake8_dbsession.rules.io_calls import SlowCallDetector


class AcrossCalls(Rule):
    def _detector(self) -> SlowCallDetector:
        detector = getattr(self, "_slow", None)
        if detector is None:
            resolver = self.file.project_resolver
            definition = resolver.definition if resolver is not None else (lambda q: (None, None))
            detector = self._slow = SlowCallDetector(
                self.model.qualname, lambda name: self.model.scope.lookup(name)[1], definition,
                self.settings.io_calls, resolver.module_text if resolver is not None else None,
                self.file.project, self.file.path, resolver.remember if resolver is not None else None)
            detector.function_scope = lambda: self.model.function_scope
            if resolver is not None:
                detector.summaries.module_path = resolver.module_path
        return detector

    def _class_context(self):
        func = self.model.function_scope
        cls = func.class_scope.node if func is not None and func.class_scope is not None else None
        if cls is None:
            return None, {}
        cache = self.__dict__.setdefault("_attr_classes", {})
        if id(cls) not in cache:
            cache[id(cls)] = attribute_classes(cls)
        return cls, cache[id(cls)]
