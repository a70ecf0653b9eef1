"""Appointments and the rules of procedure move here from the directory app; their tables stay as they are."""

import django.db.models.deletion
from django.db import migrations, models

import samverkan.core.ownership

MODELS = ['bodyrules', 'appointment', 'ruleexception', 'election']


def move_content_types(apps, schema_editor):
    """Permissions and audit entries follow the models to their new app."""
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="directory", model__in=MODELS).update(app_label="appointments")


def move_content_types_back(apps, schema_editor):
    content_types = apps.get_model("contenttypes", "ContentType")
    content_types.objects.filter(app_label="appointments", model__in=MODELS).update(app_label="directory")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('contenttypes', '0002_remove_content_type_name'),
        ('directory', '0003_appointments_and_rules'),
        ('meetings', '0005_year_calendar'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='Appointment',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('role', models.CharField(choices=[('chair', 'Ordförande'), ('vice_chair', 'Vice ordförande'), ('member', 'Ledamot'), ('process_leader', 'Processledare'), ('representative', 'Representant')], max_length=20, verbose_name='uppdrag')),
                        ('side', models.CharField(blank=True, choices=[('municipality', 'Kommun'), ('region', 'Region'), ('other', 'Annan')], help_text='Regionen eller kommunerna; hämtas från personens organisation.', max_length=20, verbose_name='företräder')),
                        ('start_date', models.DateField(blank=True, null=True, verbose_name='från')),
                        ('end_date', models.DateField(blank=True, null=True, verbose_name='till och med')),
                        ('decided_on', models.DateField(blank=True, null=True, verbose_name='beslutsdatum')),
                        ('decision_text', models.TextField(blank=True, verbose_name='beslut')),
                        ('ended_on', models.DateField(blank=True, null=True, verbose_name='avslutat')),
                        ('end_reason', models.CharField(blank=True, max_length=300, verbose_name='skäl till avslut')),
                        ('appointed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='appointments_made', to='directory.body', verbose_name='beslutat av')),
                        ('body', models.ForeignKey(help_text='Organet där uppdraget utförs, t.ex. styrgruppen för en ledamot.', on_delete=django.db.models.deletion.CASCADE, related_name='appointments', to='directory.body', verbose_name='organ')),
                        ('decision_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='appointments', to='meetings.agendaitem', verbose_name='beslutspunkt')),
                        ('membership', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='appointments', to='directory.membership')),
                        ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='appointments', to='directory.organization', verbose_name='organisation')),
                        ('person', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='appointments', to='directory.person', verbose_name='person')),
                    ],
                    options={
                        'verbose_name': 'uppdrag',
                        'verbose_name_plural': 'uppdrag',
                        'db_table': 'directory_appointment',
                        'ordering': ['body', '-start_date', 'role'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.CreateModel(
                    name='BodyRules',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('alternate_chair', models.BooleanField(default=True, help_text='Ordförande och vice ordförande växlar mellan regionen och kommunerna för varje mandatperiod.', verbose_name='ordförandeposten växlar')),
                        ('alternation_section', models.CharField(blank=True, default='2 §', max_length=30, verbose_name='paragraf om växling')),
                        ('chair_in_steering_group', models.BooleanField(default=True, verbose_name='ordförande och vice ordförande ingår i styrgruppen')),
                        ('steering_group_section', models.CharField(blank=True, default='3 §', max_length=30, verbose_name='paragraf om styrgruppen')),
                        ('term_length', models.CharField(choices=[('year', 'Kalenderår')], default='year', max_length=10, verbose_name='mandatperiod')),
                        ('body', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='rules', to='directory.body', verbose_name='organ')),
                        ('steering_group', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='directory.body', verbose_name='styrgrupp')),
                    ],
                    options={
                        'verbose_name': 'arbetsordning',
                        'verbose_name_plural': 'arbetsordningar',
                        'db_table': 'directory_bodyrules',
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.CreateModel(
                    name='Election',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('role', models.CharField(choices=[('chair', 'Ordförande'), ('vice_chair', 'Vice ordförande'), ('member', 'Ledamot'), ('process_leader', 'Processledare'), ('representative', 'Representant')], max_length=20, verbose_name='uppdrag')),
                        ('term_start', models.DateField(verbose_name='mandatperiod från')),
                        ('term_end', models.DateField(verbose_name='mandatperiod till och med')),
                        ('tabled_on', models.DateField(blank=True, null=True, verbose_name='bordlagd')),
                        ('body', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='elections', to='directory.body', verbose_name='organ')),
                        ('decided_by', models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='election', to='appointments.appointment', verbose_name='avgjord genom')),
                        ('tabled_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='tabled_elections', to='meetings.agendaitem', verbose_name='bordlagd på')),
                    ],
                    options={
                        'verbose_name': 'val',
                        'verbose_name_plural': 'val',
                        'db_table': 'directory_election',
                        'ordering': ['body', 'term_start', 'role'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.CreateModel(
                    name='RuleException',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('created', models.DateTimeField(auto_now_add=True, verbose_name='skapad')),
                        ('modified', models.DateTimeField(auto_now=True, verbose_name='ändrad')),
                        ('rule', models.CharField(choices=[('alternate_chair', 'Växling mellan regionen och kommunerna'), ('chair_in_steering_group', 'Ordförande och vice ordförande i styrgruppen')], max_length=30, verbose_name='regel')),
                        ('decided_on', models.DateField(blank=True, null=True, verbose_name='beslutsdatum')),
                        ('decision_text', models.TextField(blank=True, verbose_name='beslut')),
                        ('appointment', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='exceptions', to='appointments.appointment')),
                        ('decision_item', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='rule_exceptions', to='meetings.agendaitem', verbose_name='beslutspunkt')),
                    ],
                    options={
                        'verbose_name': 'undantag från arbetsordningen',
                        'verbose_name_plural': 'undantag från arbetsordningen',
                        'db_table': 'directory_ruleexception',
                        'ordering': ['appointment', 'rule'],
                    },
                    bases=(samverkan.core.ownership.BelongsToBody, models.Model),
                ),
                migrations.AddIndex(
                    model_name='appointment',
                    index=models.Index(fields=['body', 'role', 'start_date'], name='directory_a_body_id_af8bc3_idx'),
                ),
                migrations.AddConstraint(
                    model_name='election',
                    constraint=models.UniqueConstraint(fields=('body', 'role', 'term_start'), name='election_once'),
                ),
                migrations.AddConstraint(
                    model_name='ruleexception',
                    constraint=models.UniqueConstraint(fields=('appointment', 'rule'), name='rule_exception_once'),
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
