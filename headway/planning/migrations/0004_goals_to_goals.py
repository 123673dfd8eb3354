"""Goals, their plans and accountability links moved to the goals app. Their tables stay as
they are (planning_*): only the models' state leaves planning, once every foreign key from
another app points at the goals app's models, and their content types go with them."""

from django.db import migrations

from headway.planning.migrations._moved import move_content_types

MOVED = ['goal', 'goalrevision', 'step', 'obstacle', 'accountabilitylink']


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0003_matrix_to_decisions'),
        ('goals', '0001_initial'),
        ('checkins', '0004_steps_done_to_goals'),
        ('offsites', '0004_priority_goal_to_goals'),
        ('replies', '0003_goal_and_step_to_goals'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name='GoalRevision'),
                migrations.DeleteModel(name='Step'),
                migrations.DeleteModel(name='Obstacle'),
                migrations.DeleteModel(name='AccountabilityLink'),
                migrations.DeleteModel(name='Goal'),
            ],
        ),
        move_content_types(MOVED, to_label='goals'),
    ]
