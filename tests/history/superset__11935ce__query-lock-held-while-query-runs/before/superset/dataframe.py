# From apache/superset, superset/dataframe.py at 09bbdd277c9d94ad17660a53d0880a68c37ae8a9 (parent of the fix), reduced.


class SupersetDataFrame(object):
    def __init__(self, data, cursor_description, db_engine_spec):
        self.data = data
        self.cursor_description = cursor_description
        self.db_engine_spec = db_engine_spec

    @property
    def size(self):
        return len(self.data)
