"""The year calendar's models move here from the meetings app; their tables stay as they are."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

import samverkan.core.ownership

MODELS = ['calendarplan', 'planneddate', 'externalcalendar', 'meetingseries', 'calendarsubscription']


def move_content_types(apps, schema_editor):
    """Permissions and audit entries follow the models to their new app."""
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="meetings", model__in=MODELS).update(app_label="calendar")


def move_content_types_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="calendar", model__in=MODELS).update(app_label="meetings")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('directory', '0003_appointments_and_rules'),
        ('meetings', '0005_year_calendar'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='CalendarPlan',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('year', models.PositiveIntegerField(verbose_name='år')),
                        ('status', models.CharField(choices=[('draft', 'Förslag'), ('adopted', 'Fastställt')], default='draft', max_length=10, verbose_name='status')),
                        ('count', models.PositiveIntegerField(verbose_name='antal möten')),
                        ('weekday', models.PositiveSmallIntegerField(choices=[(0, 'måndag'), (1, 'tisdag'), (2, 'onsdag'), (3, 'torsdag'), (4, 'fredag'), (5, 'lördag'), (6, 'söndag')], default=3, verbose_name='veckodag')),
                        ('start_time', models.TimeField(verbose_name='starttid')),
                        ('end_time', models.TimeField(blank=True, null=True, verbose_name='sluttid')),
                        ('excluded_months', models.JSONField(blank=True, default=list, verbose_name='månader utan möten')),
                        ('alternate_modes', models.BooleanField(default=False, verbose_name='varannan gång på plats och digitalt')),
                        ('first_mode', models.CharField(choices=[('on_site', 'På plats'), ('digital', 'Digitalt'), ('hybrid', 'På plats och digitalt'), ('unknown', 'Okänt')], default='on_site', max_length=10, verbose_name='första mötets form')),
                        ('location', models.CharField(blank=True, max_length=300, verbose_name='plats vid möten på plats')),
                        ('digital_location', models.CharField(blank=True, default='Teams', max_length=300, verbose_name='plats vid digitala möten')),
                        ('notes', models.JSONField(blank=True, default=list, verbose_name='anmärkningar')),
                        ('adopted_at', models.DateTimeField(blank=True, null=True, verbose_name='fastställt')),
                        ('adopted_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_plans', to='directory.body', verbose_name='organ')),
                        ('decision_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='calendar_plans', to='meetings.agendaitem', verbose_name='beslutspunkt')),
                    ],
                    options={
                        'verbose_name': 'kalendarium',
                        'verbose_name_plural': 'kalendarier',
                        'db_table': 'meetings_calendarplan',
                        'ordering': ['body', '-year'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.CreateModel(
                    name='CalendarSubscription',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('token', models.CharField(max_length=64, unique=True)),
                        ('person', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='calendar_subscription', to='directory.person')),
                    ],
                    options={
                        'verbose_name': 'kalenderprenumeration',
                        'verbose_name_plural': 'kalenderprenumerationer',
                        'db_table': 'meetings_calendarsubscription',
                    },
                ),
                migrations.CreateModel(
                    name='ExternalCalendar',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('name', models.CharField(max_length=200, verbose_name='namn')),
                        ('ics', models.TextField(verbose_name='iCalendar-data')),
                        ('source_name', models.CharField(blank=True, max_length=255, verbose_name='filnamn')),
                        ('event_count', models.PositiveIntegerField(default=0, verbose_name='antal händelser')),
                        ('bodies', models.ManyToManyField(blank=True, help_text='Organ vars kalendarium ska undvika krockar med kalendern. Tomt: alla organ.', related_name='external_calendars', to='directory.body', verbose_name='gäller för')),
                    ],
                    options={
                        'verbose_name': 'extern kalender',
                        'verbose_name_plural': 'externa kalendrar',
                        'db_table': 'meetings_externalcalendar',
                        'ordering': ['name'],
                    },
                ),
                migrations.CreateModel(
                    name='MeetingSeries',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('title', models.CharField(max_length=300, verbose_name='rubrik')),
                        ('frequency', models.CharField(choices=[('weekly', 'Varje vecka'), ('monthly', 'Varje månad')], default='weekly', max_length=10, verbose_name='återkommer')),
                        ('interval', models.PositiveSmallIntegerField(default=1, help_text='1 = varje vecka, 2 = varannan vecka …', verbose_name='intervall')),
                        ('weekday', models.PositiveSmallIntegerField(choices=[(0, 'måndag'), (1, 'tisdag'), (2, 'onsdag'), (3, 'torsdag'), (4, 'fredag'), (5, 'lördag'), (6, 'söndag')], default=4, verbose_name='veckodag')),
                        ('start_time', models.TimeField(verbose_name='starttid')),
                        ('end_time', models.TimeField(blank=True, null=True, verbose_name='sluttid')),
                        ('start_date', models.DateField(verbose_name='från')),
                        ('end_date', models.DateField(blank=True, null=True, verbose_name='till och med')),
                        ('location', models.CharField(blank=True, max_length=300, verbose_name='plats')),
                        ('mode', models.CharField(choices=[('on_site', 'På plats'), ('digital', 'Digitalt'), ('hybrid', 'På plats och digitalt'), ('unknown', 'Okänt')], default='digital', max_length=10, verbose_name='form')),
                        ('skip_holidays', models.BooleanField(default=True, verbose_name='inte på helgdagar')),
                        ('public', models.BooleanField(default=False, verbose_name='visas i den offentliga kalendern')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='meeting_series', to='directory.body', verbose_name='organ')),
                        ('decision_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='meeting_series', to='meetings.agendaitem', verbose_name='beslutspunkt')),
                    ],
                    options={
                        'verbose_name': 'återkommande möte',
                        'verbose_name_plural': 'återkommande möten',
                        'db_table': 'meetings_meetingseries',
                        'ordering': ['body', 'weekday', 'start_time'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.CreateModel(
                    name='PlannedDate',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('date', models.DateField(verbose_name='datum')),
                        ('start_time', models.TimeField(verbose_name='starttid')),
                        ('end_time', models.TimeField(blank=True, null=True, verbose_name='sluttid')),
                        ('mode', models.CharField(choices=[('on_site', 'På plats'), ('digital', 'Digitalt'), ('hybrid', 'På plats och digitalt'), ('unknown', 'Okänt')], default='on_site', max_length=10, verbose_name='form')),
                        ('location', models.CharField(blank=True, max_length=300, verbose_name='plats')),
                        ('preferred_date', models.DateField(blank=True, null=True, verbose_name='önskat datum')),
                        ('reason', models.TextField(blank=True, verbose_name='skäl')),
                        ('conflicts', models.JSONField(blank=True, default=list, verbose_name='krockar')),
                        ('adjusted', models.BooleanField(default=False, verbose_name='ändrat av sekretariatet')),
                        ('meeting', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='planned_date', to='meetings.meeting')),
                        ('plan', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='dates', to='calendar.calendarplan')),
                    ],
                    options={
                        'verbose_name': 'datum i kalendarium',
                        'verbose_name_plural': 'datum i kalendarium',
                        'db_table': 'meetings_planneddate',
                        'ordering': ['plan', 'date'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.AddConstraint(
                    model_name='calendarplan',
                    constraint=models.UniqueConstraint(fields=('body', 'year'), name='calendar_plan_once'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
