"""Goals and steps moved from the planning app to goals (their tables, planning_goal and
planning_step, stay): a reply's goal and step now point at goals.Goal and goals.Step. State
only: the columns already reference those tables, so nothing is altered or rebuilt."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('replies', '0002_copy_checkin_replies'),
        ('goals', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='reply',
                    name='goal',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='goals.goal'),
                ),
                migrations.AlterField(
                    model_name='reply',
                    name='step',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='replies', to='goals.step'),
                ),
            ],
        ),
    ]
