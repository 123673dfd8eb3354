"""What the planning app's models take with them when they move into an app of their own.

The tables stay (each moved model keeps its `db_table`), so only Django's own record of the
models changes: the content type of each model is renamed to its new app, which keeps what
points at it (a permission, say) pointing at the same model. A content type the new app
already has is left alone, and the old one then stays as a stale row, as a removed model's
would. (The loader skips this module: its name starts with an underscore.)
"""

from django.db import migrations


def move_content_types(models, *, to_label, from_label="planning"):
    """A RunPython that renames the models' content types from one app to the other, and
    back when unapplied."""

    def forwards(apps, schema_editor):
        _relabel(apps, schema_editor, models, from_label, to_label)

    def backwards(apps, schema_editor):
        _relabel(apps, schema_editor, models, to_label, from_label)

    return migrations.RunPython(forwards, backwards)


def _relabel(apps, schema_editor, models, old, new):
    ContentType = apps.get_model("contenttypes", "ContentType")
    rows = ContentType.objects.using(schema_editor.connection.alias)
    taken = set(rows.filter(app_label=new, model__in=models).values_list("model", flat=True))
    rows.filter(app_label=old, model__in=set(models) - taken).update(app_label=new)
    # get_for_model() caches by app label: a cached old label would now point nowhere.
    ContentType.objects.clear_cache()
