"""Goals, their plans and accountability links, moved here from the planning app: their tables
(planning_goal, planning_goalrevision, planning_step, planning_obstacle,
planning_accountabilitylink) were made by planning's first migration, so this one only
records the models (no SQL)."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0001_initial'),
        ('engagements', '0001_initial'),
        ('exploration', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='AccountabilityLink',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('partner_name', models.CharField(max_length=120)),
                        ('token_hash', models.CharField(max_length=64, unique=True)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('revoked_at', models.DateTimeField(blank=True, null=True)),
                        ('last_seen_at', models.DateTimeField(blank=True, null=True)),
                        ('engagement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='accountability_links', to='engagements.engagement')),
                    ],
                    options={
                        'db_table': 'planning_accountabilitylink',
                        'ordering': ['-created_at'],
                    },
                ),
                migrations.CreateModel(
                    name='Goal',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('text', models.TextField(verbose_name='My goal')),
                        ('status', models.CharField(choices=[('active', 'Active'), ('paused', 'Paused'), ('achieved', 'Achieved'), ('dropped', 'Let go')], default='active', max_length=10)),
                        ('confidence', models.PositiveSmallIntegerField(blank=True, null=True)),
                        ('hours_per_week', models.PositiveSmallIntegerField(blank=True, null=True)),
                        ('value_key', models.CharField(blank=True, max_length=40)),
                        ('due_on', models.DateField(blank=True, null=True)),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('closed_at', models.DateTimeField(blank=True, null=True)),
                        ('engagement', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='goals', to='engagements.engagement')),
                        ('option', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='exploration.option')),
                    ],
                    options={
                        'db_table': 'planning_goal',
                        'ordering': ['position', 'created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='GoalRevision',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('changes', models.JSONField(default=dict)),
                        ('reason', models.TextField(blank=True)),
                        ('by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='revisions', to='goals.goal')),
                    ],
                    options={
                        'db_table': 'planning_goalrevision',
                        'ordering': ['-at', '-pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Obstacle',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('obstacle', models.TextField(verbose_name='If…')),
                        ('plan', models.TextField(verbose_name='…then I will')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='obstacles', to='goals.goal')),
                    ],
                    options={
                        'db_table': 'planning_obstacle',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Step',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=300)),
                        ('kind', models.CharField(choices=[('action', 'Step'), ('course', 'Course'), ('certification', 'Certification'), ('mentoring', 'Mentoring'), ('volunteering', 'Volunteering')], default='action', max_length=20)),
                        ('due_on', models.DateField(blank=True, null=True)),
                        ('done_at', models.DateTimeField(blank=True, null=True)),
                        ('element_id', models.CharField(blank=True, max_length=20)),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('goal', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='steps', to='goals.goal')),
                    ],
                    options={
                        'db_table': 'planning_step',
                        'ordering': ['position', 'due_on', 'pk'],
                    },
                ),
            ],
        ),
    ]
