"""Goals moved from the planning app to goals (their table, planning_goal, stays): a
priority's goal now points at goals.Goal. State only: the column already references that
table, so nothing is altered or rebuilt."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('offsites', '0003_shared_note_encrypted'),
        ('goals', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='priority',
                    name='goal',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='goals.goal'),
                ),
            ],
        ),
    ]
