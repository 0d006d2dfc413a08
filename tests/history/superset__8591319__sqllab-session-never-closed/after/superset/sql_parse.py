# From apache/superset, superset/sql_parse.py at 8591319bde7db14ac358eae979dfefcbf450db91 (the fix), reduced.
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
