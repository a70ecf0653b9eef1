"""WSGI application for `bench/web.py --server gunicorn`: the app's URLs plus `/__floor__` (bench/floor_urls.py)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "src")]

from django.conf import settings  # noqa: E402

from samverkan.wsgi import application  # noqa: E402, F401  (sets Django up)

settings.ROOT_URLCONF = "bench.floor_urls"
