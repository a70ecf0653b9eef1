"""The year calendar's models now belong to the calendar app (state only: no table changes)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('meetings', '0005_year_calendar'),
        ('calendar', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name='planneddate',
                    name='plan',
                ),
                migrations.RemoveField(
                    model_name='calendarsubscription',
                    name='person',
                ),
                migrations.RemoveField(
                    model_name='externalcalendar',
                    name='bodies',
                ),
                migrations.RemoveField(
                    model_name='meetingseries',
                    name='body',
                ),
                migrations.RemoveField(
                    model_name='meetingseries',
                    name='decision_item',
                ),
                migrations.RemoveField(
                    model_name='planneddate',
                    name='meeting',
                ),
                migrations.DeleteModel(
                    name='CalendarPlan',
                ),
                migrations.DeleteModel(
                    name='CalendarSubscription',
                ),
                migrations.DeleteModel(
                    name='ExternalCalendar',
                ),
                migrations.DeleteModel(
                    name='MeetingSeries',
                ),
                migrations.DeleteModel(
                    name='PlannedDate',
                ),
            ],
        ),
    ]
