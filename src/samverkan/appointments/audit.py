"""How appointments read in the audit log: "Anna Berg skapade förtroendeuppdraget för Åsa Dedering som
ordförande i Länschefsnätverket 2022."."""

from samverkan.directory.audit import register


def _years(appointment) -> str:
    start, end = appointment.start_date, appointment.end_date
    if start and end and start.year == end.year:
        return f" {start.year}"
    if start and end:
        return f" {start.year}–{end.year}"
    if start:
        return f" från {start.year}"
    return ""


def appointment_label(appointment) -> str:
    """"förtroendeuppdraget för Åsa Dedering som ordförande i Länschefsnätverket 2022"."""
    return (f"förtroendeuppdraget för {appointment.person.name} som {appointment.get_role_display().lower()} "
            f"i {appointment.body.display_name}{_years(appointment)}")


def register_describers() -> None:
    register("appointments.appointment", appointment_label)
    register("appointments.bodyrules", lambda rules: f"arbetsordningen för {rules.body.display_name}")
    register("appointments.ruleexception",
             lambda exception: f"undantaget från arbetsordningen ({exception.get_rule_display().lower()}) för "
                               f"{appointment_label(exception.appointment)}")
    register("appointments.election",
             lambda election: f"valet av {election.get_role_display().lower()} {election.term_start.year} "
                              f"i {election.body.display_name}")
