"""`samverkan serve`: the web app on a production WSGI server (waitress)."""

from django.core.management.base import BaseCommand
from waitress import serve

from samverkan.wsgi import application


class Command(BaseCommand):
    help = "Startar webbservern."

    def add_arguments(self, parser):
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--threads", type=int, default=8)

    def handle(self, *args, host, port, threads, **options):
        self.stdout.write(f"Samverkan körs på http://{host}:{port}/  (avsluta med Ctrl+C)")
        serve(application, host=host, port=port, threads=threads, ident="Samverkan")
