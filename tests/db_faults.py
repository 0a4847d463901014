"""A database that refuses to COMMIT: a deferred constraint trigger on the version table, for fault tests.

The trigger raises for versions with a marker titel when the transaction
commits (DEFERRABLE INITIALLY DEFERRED), after every statement of the write
succeeded: the failure a lost connection or a serialization error gives at
the last moment. Needs a test with real commits (django_db(transaction=True)).
"""
from contextlib import contextmanager

from django.db import connection

from storage_backends.database.models import StoredVersion

REFUSED_TITEL = "commit wordt geweigerd"


@contextmanager
def commit_refused():
    """While active, a transaction that writes a version titled REFUSED_TITEL fails at COMMIT."""
    table = connection.ops.quote_name(StoredVersion._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            "CREATE FUNCTION test_refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            f"IF NEW.titel = '{REFUSED_TITEL}' THEN RAISE EXCEPTION 'commit refused (test)'; END IF; "
            "RETURN NULL; END $$"
        )
        cursor.execute(
            f"CREATE CONSTRAINT TRIGGER test_refuse_commit AFTER INSERT ON {table} "
            "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_commit()"
        )
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"DROP TRIGGER IF EXISTS test_refuse_commit ON {table}")
            cursor.execute("DROP FUNCTION IF EXISTS test_refuse_commit()")
