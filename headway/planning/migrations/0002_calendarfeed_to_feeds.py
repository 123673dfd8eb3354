"""CalendarFeed moved to the feeds app. Its table stays as it is (planning_calendarfeed):
only the model's state leaves planning, and its content type goes with it."""

from django.db import migrations

from headway.planning.migrations._moved import move_content_types


class Migration(migrations.Migration):

    dependencies = [
        ('planning', '0001_initial'),
        ('feeds', '0001_initial'),
        ('contenttypes', '0002_remove_content_type_name'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name='CalendarFeed',
                ),
            ],
        ),
        move_content_types(['calendarfeed'], to_label='feeds'),
    ]
