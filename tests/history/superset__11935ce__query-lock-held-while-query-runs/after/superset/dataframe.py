# From apache/superset, superset/dataframe.py at 11935ce1188aa214b6769b3d55468ee7db1fd159 (the fix), reduced.


class SupersetDataFrame(object):
    def __init__(self, data, cursor_description, db_engine_spec):
        self.data = data
        self.cursor_description = cursor_description
        self.db_engine_spec = db_engine_spec

    @property
    def size(self):
        return len(self.data)
