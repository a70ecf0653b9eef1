"""Daily: e-mail the owners of assignments whose deadline is near; never twice per deadline.

Run it from cron or a systemd timer once a day, e.g.
    15 7 * * *  cd /srv/samverkan && .venv/bin/samverkan send_deadline_reminders
"""

from datetime import date

from django.core.management.base import BaseCommand, CommandError

from samverkan.matters.services import reminder_days, send_due_reminders


class Command(BaseCommand):
    help = "Skicka påminnelser om uppdrag vars tidsgräns närmar sig (en gång per tidsgräns)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=None,
                            help="Dagar före tidsgränsen (standard SAMVERKAN_REMINDER_DAYS, annars 14).")
        parser.add_argument("--today", default=None, help="Dagens datum som ÅÅÅÅ-MM-DD (för prov).")

    def handle(self, *args, days=None, today=None, **options):
        try:
            today = date.fromisoformat(today) if today else None
        except ValueError as error:
            raise CommandError(f"Ogiltigt datum: {today}") from error
        days = reminder_days() if days is None else days
        if days < 0:
            raise CommandError("--days kan inte vara negativt.")
        run = send_due_reminders(today=today, days=days)
        for reminder in run.sent:
            self.stdout.write(f"Påminnelse skickad: {reminder.assignment} ({reminder.due.isoformat()}) "
                              f"till {', '.join(reminder.recipients)}")
        for warning in run.warnings:
            self.stdout.write(self.style.WARNING(warning))
        self.stdout.write(f"{len(run.sent)} påminnelse(r) skickade, {len(run.warnings)} varning(ar).")
