"""Appointments now belong to the appointments app (state only: no table changes)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('directory', '0003_appointments_and_rules'),
        ('appointments', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='election',
                    name='decided_by',
                ),
                migrations.RemoveField(
                    model_name='ruleexception',
                    name='appointment',
                ),
                migrations.RemoveField(
                    model_name='bodyrules',
                    name='body',
                ),
                migrations.RemoveField(
                    model_name='bodyrules',
                    name='steering_group',
                ),
                migrations.RemoveField(
                    model_name='election',
                    name='body',
                ),
                migrations.RemoveField(
                    model_name='election',
                    name='tabled_item',
                ),
                migrations.RemoveField(
                    model_name='ruleexception',
                    name='decision_item',
                ),
                migrations.DeleteModel(
                    name='Appointment',
                ),
                migrations.DeleteModel(
                    name='BodyRules',
                ),
                migrations.DeleteModel(
                    name='Election',
                ),
                migrations.DeleteModel(
                    name='RuleException',
                ),
            ],
        ),
    ]
