"""The decision matrix, moved here from the planning app: its tables (planning_decisionmatrix,
planning_criterion, planning_matrixoption, planning_score, planning_risk) were made by
planning's first migration, so this one only records the models (no SQL)."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('planning', '0001_initial'),
        ('engagements', '0001_initial'),
        ('exploration', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='DecisionMatrix',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('chosen_at', models.DateTimeField(blank=True, null=True)),
                        ('choice_reason', models.TextField(blank=True, verbose_name='Why this one')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('engagement', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='decision_matrix', to='engagements.engagement')),
                    ],
                    options={
                        'db_table': 'planning_decisionmatrix',
                    },
                ),
                migrations.CreateModel(
                    name='Criterion',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('source', models.CharField(choices=[('value', 'One of my top values'), ('strength', 'One of my strengths'), ('lifestyle', 'Lifestyle'), ('responsibilities', 'Responsibilities'), ('finances', 'Finances'), ('risk', 'Risk'), ('own', 'My own')], default='own', max_length=20)),
                        ('source_key', models.CharField(blank=True, max_length=40)),
                        ('weight', models.PositiveSmallIntegerField(default=1)),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('matrix', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='criteria', to='decisions.decisionmatrix')),
                    ],
                    options={
                        'db_table': 'planning_criterion',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='MatrixOption',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('title', models.CharField(max_length=200)),
                        ('gut', models.PositiveSmallIntegerField(blank=True, null=True)),
                        ('position', models.PositiveIntegerField(default=0)),
                        ('board_option', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='exploration.option')),
                        ('matrix', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='options', to='decisions.decisionmatrix')),
                    ],
                    options={
                        'db_table': 'planning_matrixoption',
                        'ordering': ['position', 'pk'],
                    },
                ),
                migrations.AddField(
                    model_name='decisionmatrix',
                    name='chosen',
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='decisions.matrixoption'),
                ),
                migrations.CreateModel(
                    name='Risk',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('risk', models.TextField(verbose_name='Risk or barrier')),
                        ('mitigation', models.TextField(blank=True, verbose_name='What I could do about it')),
                        ('created_at', models.DateTimeField(default=django.utils.timezone.now)),
                        ('option', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='risks', to='decisions.matrixoption')),
                    ],
                    options={
                        'db_table': 'planning_risk',
                        'ordering': ['created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='Score',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('value', models.PositiveSmallIntegerField()),
                        ('criterion', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='decisions.criterion')),
                        ('option', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='scores', to='decisions.matrixoption')),
                    ],
                    options={
                        'db_table': 'planning_score',
                        'constraints': [models.UniqueConstraint(fields=('option', 'criterion'), name='one_score_per_cell')],
                    },
                ),
            ],
        ),
    ]
