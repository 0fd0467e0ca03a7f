"""Migration operations shared by the apps."""

from django.db import migrations


class _OnPostgresOnly:
    """Changes the database only on PostgreSQL; the migration state changes everywhere, so
    ``makemigrations`` stays quiet and SQLite (the quick-start database) simply lacks it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddIndexOnPostgres(_OnPostgresOnly, migrations.AddIndex):
    """An index that exists only on PostgreSQL (GIN, an operator class). A later migration
    that drops it must use ``RemoveIndexOnPostgres``."""


class RemoveIndexOnPostgres(_OnPostgresOnly, migrations.RemoveIndex):
    pass
