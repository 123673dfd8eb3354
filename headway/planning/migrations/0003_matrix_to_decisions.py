"""The decision matrix moved to the decisions app. Its tables stay as they are (planning_*):
only the models' state leaves planning, and their content types go with them."""

from django.db import migrations

from headway.planning.migrations._moved import move_content_types

MOVED = ['decisionmatrix', 'criterion', 'matrixoption', 'score', 'risk']


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0002_calendarfeed_to_feeds'),
        ('decisions', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                # The matrix and its options point at each other: one link goes first.
                migrations.RemoveField(model_name='decisionmatrix', name='chosen'),
                migrations.DeleteModel(name='Score'),
                migrations.DeleteModel(name='Risk'),
                migrations.DeleteModel(name='Criterion'),
                migrations.DeleteModel(name='MatrixOption'),
                migrations.DeleteModel(name='DecisionMatrix'),
            ],
        ),
        move_content_types(MOVED, to_label='decisions'),
    ]
