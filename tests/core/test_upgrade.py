"""A database made before the calendar and appointments became apps of their own upgrades without loss."""

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# As main was before the move: the two apps not yet there, their models in meetings and directory.
BEFORE_THE_MOVE = [("calendar", None), ("appointments", None), ("meetings", "0005_year_calendar"),
                   ("directory", "0003_appointments_and_rules"), ("contenttypes", "0002_remove_content_type_name")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state([target for target in targets if target[1]]).apps


@pytest.mark.django_db(transaction=True)
def test_rows_of_the_moved_models_are_kept_and_their_content_types_follow():
    old = migrate(BEFORE_THE_MOVE)
    body = old.get_model("directory", "Body").objects.create(name="Välfärdsrådet", slug="valfardsradet")
    person = old.get_model("directory", "Person").objects.create(name="Åsa Dedering", name_key="asa dedering")
    old.get_model("directory", "Appointment").objects.create(person=person, body=body, role="chair")
    old.get_model("directory", "BodyRules").objects.create(body=body)
    plan = old.get_model("meetings", "CalendarPlan").objects.create(body=body, year=2025, count=4,
                                                                    start_time=dt.time(9))
    old.get_model("meetings", "PlannedDate").objects.create(plan=plan, date=dt.date(2025, 2, 6),
                                                            start_time=dt.time(9))
    content_types = old.get_model("contenttypes", "ContentType").objects
    content_types.filter(app_label__in=["calendar", "appointments"]).delete()
    content_types.get_or_create(app_label="meetings", model="calendarplan")
    content_types.get_or_create(app_label="directory", model="appointment")

    executor = MigrationExecutor(connection)
    new = migrate(executor.loader.graph.leaf_nodes())

    appointment = new.get_model("appointments", "Appointment").objects.get()
    assert (appointment.person.name, appointment.body.name, appointment.role) == ("Åsa Dedering", "Välfärdsrådet", "chair")
    assert new.get_model("appointments", "BodyRules").objects.get().body_id == body.pk
    plan = new.get_model("calendar", "CalendarPlan").objects.get()
    assert [d.date for d in plan.dates.all()] == [dt.date(2025, 2, 6)]
    labels = set(new.get_model("contenttypes", "ContentType").objects.filter(
        model__in=["calendarplan", "appointment"]).values_list("app_label", "model"))
    assert labels == {("calendar", "calendarplan"), ("appointments", "appointment")}
