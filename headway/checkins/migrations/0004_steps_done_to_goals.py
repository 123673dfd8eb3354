"""Steps moved from the planning app to goals (their table, planning_step, stays): the ticked
steps now point at goals.Step. State only: the table of ticks (checkins_checkin_steps_done)
keeps its name and columns, and its step_id already references planning_step, so nothing is
altered or rebuilt."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('checkins', '0003_delete_checkinreply'),
        ('goals', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='checkin',
                    name='steps_done',
                    field=models.ManyToManyField(blank=True, related_name='check_ins', to='goals.step'),
                ),
            ],
        ),
    ]
