# From apache/airflow, airflow/utils/logging.py at ff45d8f2218a8da9328161aa66d004c3db3b367e (parent of the fix), reduced.
from __future__ import absolute_import

import logging


class LoggingMixin(object):
    """
    Convenience super-class to have a logger configured with the class name
    """

    @property
    def logger(self):
        try:
            return self._logger
        except AttributeError:
            self._logger = logging.root.getChild(
                self.__class__.__module__ + '.' + self.__class__.__name__)
            return self._logger
