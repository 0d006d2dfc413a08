# From apache/superset, superset/sql_parse.py at af4dd59661291541a8fa82717d07a3f214c8bd2f (parent of the fix), reduced.
import sqlparse


class SupersetQuery(object):
    def __init__(self, sql_statement):
        self.sql = sql_statement

    def stripped(self):
        sql = self.sql
        if sql:
            while sql[-1] in (' ', ';', '\n', '\t'):
                sql = sql[:-1]
            return sql
