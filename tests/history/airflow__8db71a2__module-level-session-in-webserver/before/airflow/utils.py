# From apache/airflow, airflow/utils.py at d9827764bb4f3cfbced6a69135bd6f3ff810e4bc (parent of the fix), reduced.
from sqlalchemy import event, exc
from sqlalchemy.pool import Pool


def pessimistic_connection_handling():
    @event.listens_for(Pool, "checkout")
    def ping_connection(dbapi_connection, connection_record, connection_proxy):
        '''
        Disconnect Handling - Pessimistic, taken from:
        http://docs.sqlalchemy.org/en/rel_0_9/core/pooling.html
        '''
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("SELECT 1")
        except:
            raise exc.DisconnectionError()
        cursor.close()
