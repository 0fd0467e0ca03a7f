"""Migration operations shared by the apps."""

from django.db import migrations


class AddIndexOnPostgres(migrations.AddIndex):
    """``AddIndex`` whose index exists only on PostgreSQL (a GIN index, an operator class).

    The migration state always has the index, so ``makemigrations`` stays quiet; on SQLite
    (the quick-start database) nothing is created. A later migration that drops such an
    index must use ``RemoveIndexOnPostgres``."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class RemoveIndexOnPostgres(migrations.RemoveIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)
