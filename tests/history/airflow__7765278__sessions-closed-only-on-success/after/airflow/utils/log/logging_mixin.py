# From apache/airflow, airflow/utils/log/logging_mixin.py at 7765278479b81a73244ff44e47973bbc5bf9bcef (the fix), reduced.
import logging


class LoggingMixin(object):
    """
    Convenience super-class to have a logger configured with the class name
    """

    @property
    def log(self):
        try:
            return self._log
        except AttributeError:
            self._log = logging.root.getChild(
                self.__class__.__module__ + '.' + self.__class__.__name__
            )
            return self._log
