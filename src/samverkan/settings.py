"""Django settings, read from the environment; importing them reads and writes no file.

SAMVERKAN_PROFILE  "development" (default) or "production" (HTTPS, secure cookies, HSTS; see README)
DATABASE_URL       default: SQLite file in SAMVERKAN_DATA_DIR (WAL mode)
SECRET_KEY         required in production; `samverkan` keeps one in SAMVERKAN_DATA_DIR for development
ALLOWED_HOSTS      comma-separated, default: localhost names (required in production)
DEBUG              "1"/"true" turns debug on in development; never on in production
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from samverkan.datadir import data_dir

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()


def _env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name} ska vara ett heltal, inte ”{value}”.") from None


def _env_list(name: str, default: str = "") -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


PROFILE = os.environ.get("SAMVERKAN_PROFILE", "development").strip().lower()
if PROFILE not in {"development", "production"}:
    raise ImproperlyConfigured(f"SAMVERKAN_PROFILE ska vara development eller production, inte ”{PROFILE}”.")
PRODUCTION = PROFILE == "production"

# Development only: a fixed key for tests and one-off commands; `samverkan` (see datadir.py) sets a
# generated key kept in the data folder, and production refuses to start without its own.
DEVELOPMENT_SECRET_KEY = "django-insecure-samverkan-development-only"
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY måste anges i produktion (minst 50 slumpmässiga tecken).")
    SECRET_KEY = DEVELOPMENT_SECRET_KEY
DEBUG = _env_flag("DEBUG") and not PRODUCTION
ALLOWED_HOSTS = _env_list("ALLOWED_HOSTS", "" if PRODUCTION else "localhost,127.0.0.1,[::1],testserver")
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS måste anges i produktion, t.ex. samverkan.example.se.")
CSRF_TRUSTED_ORIGINS = _env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "auditlog",
    "csp",
    "samverkan.directory",
    "samverkan.accounts",
    "samverkan.meetings",
    "samverkan.calendar",
    "samverkan.appointments",
    "samverkan.matters",
    "samverkan.funds",
    "samverkan.archive",
    "samverkan.followup",
    "samverkan.search",
    "samverkan.operations",
    "samverkan.imports",
    "samverkan.earchive",
    "samverkan.web",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "samverkan.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "auditlog.middleware.AuditlogMiddleware",
    # Last, as django-axes asks: it turns locked-out sign-ins into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"  # the fallback; web.views.LoginView sends each role to its own page
LOGOUT_REDIRECT_URL = "web:home"

# Sign-in attempts: five failures for one user name from one address lock it for an hour.
AXES_FAILURE_LIMIT = _env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "web/locked_out.html"
AXES_RESET_ON_SUCCESS = True

# The audit log: every change to these models, with who made it and when.
# Who keeps a body's meetings is an access change: its secretaries (many-to-many) are logged too.
_AUDITLOG_M2M = {"directory.Body": ["secretaries"]}
AUDITLOG_INCLUDE_TRACKING_MODELS = tuple(
    {"model": model, "exclude_fields": ["created", "modified", "lock_version"],
     "m2m_fields": _AUDITLOG_M2M.get(model, [])}
    for model in (
        "directory.Organization", "directory.Body", "directory.Person", "directory.Membership",
        "meetings.Meeting", "meetings.AgendaItem", "meetings.Clause", "meetings.Presentation",
        "meetings.Attachment", "meetings.Attendance", "meetings.NoticeDispatch",
        "meetings.MinutesVersion", "meetings.Forwarding", "meetings.Verifier", "meetings.ExtractDispatch",
        "meetings.ExtractRecipient", "archive.SourceDocument",
    )
)

# E-mail: printed on the console unless an SMTP server is configured.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_HOST"):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = _env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = _env_flag("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Samverkan <noreply@localhost>")
# The notice of a meeting: its sender (empty: DEFAULT_FROM_EMAIL) and where answers go, comma-separated
# (empty: the e-mail addresses of the body's secretaries).
SAMVERKAN_NOTICE_FROM = os.environ.get("SAMVERKAN_NOTICE_FROM", "")
SAMVERKAN_NOTICE_REPLY_TO = _env_list("SAMVERKAN_NOTICE_REPLY_TO")

# Assignment reminders: sent this many days before a deadline (`samverkan send_deadline_reminders`, daily).
SAMVERKAN_REMINDER_DAYS = _env_int("SAMVERKAN_REMINDER_DAYS", 14)
# The public address of this installation, for links in e-mail (e.g. https://samverkan.example).
SAMVERKAN_ANSWER_LINK_DAYS = _env_int("SAMVERKAN_ANSWER_LINK_DAYS", 90)
SAMVERKAN_SITE_URL = os.environ.get("SAMVERKAN_SITE_URL", "").rstrip("/")
# The organisation behind the site, shown in the header, the footer, the accessibility statement and the
# privacy notice, so another network can run its own: name, contact e-mail, an optional logo (a static
# path such as "web/logo.svg"), the accent colour (a CSS colour with contrast ≥ 4.5:1 on white), and where
# accessibility problems are reported (empty: the contact e-mail).
SAMVERKAN_ORGANISATION_NAME = os.environ.get("SAMVERKAN_ORGANISATION_NAME", "Samverkan").strip() or "Samverkan"
SAMVERKAN_ORGANISATION_EMAIL = os.environ.get("SAMVERKAN_ORGANISATION_EMAIL", "kontakt@example.se").strip()
SAMVERKAN_ORGANISATION_LOGO = os.environ.get("SAMVERKAN_ORGANISATION_LOGO", "").strip()
SAMVERKAN_ORGANISATION_ACCENT = os.environ.get("SAMVERKAN_ORGANISATION_ACCENT", "").strip()
SAMVERKAN_ACCESSIBILITY_EMAIL = os.environ.get("SAMVERKAN_ACCESSIBILITY_EMAIL", "").strip()
# How long the link of an invitation (or of a forgotten password) works.
PASSWORD_RESET_TIMEOUT = _env_int("SAMVERKAN_INVITATION_DAYS", 7) * 24 * 60 * 60

# Uploaded attachments: at most this size, and only these kinds (checked by content).
SAMVERKAN_MAX_ATTACHMENT_BYTES = _env_int("SAMVERKAN_MAX_ATTACHMENT_BYTES", 25_000_000)

ROOT_URLCONF = "samverkan.urls"
WSGI_APPLICATION = "samverkan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "samverkan.web.context_processors.organisation",
            ],
        },
    },
]

DEFAULT_SQLITE_URL = f"sqlite:///{DATA_DIR / 'samverkan.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", DEFAULT_SQLITE_URL), conn_max_age=60
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# "pages": the anonymous public pages, kept per generation of the public content
# (samverkan.core.pagecache). Shared by every process serving the site: files in the data folder.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": str(DATA_DIR / "cache" / "pages"),
        "TIMEOUT": 7 * 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 20000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "sv"
LANGUAGES = [("sv", "Svenska")]
TIME_ZONE = "Europe/Stockholm"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "media"

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy: scripts, styles, images and fonts from this site only, no inline script or style
# (JavaScript and CSS live in static files), no framing, forms post back here. SAMVERKAN_CSP_REPORT_URI names
# where browsers report violations; SAMVERKAN_CSP_REPORT_ONLY=1 only reports, for trying a change out.
_CSP = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
        **({"report-uri": [os.environ["SAMVERKAN_CSP_REPORT_URI"]]}
           if os.environ.get("SAMVERKAN_CSP_REPORT_URI", "").strip() else {}),
    }
}
if _env_flag("SAMVERKAN_CSP_REPORT_ONLY"):
    CONTENT_SECURITY_POLICY_REPORT_ONLY = _CSP
else:
    CONTENT_SECURITY_POLICY = _CSP
# Permissions-Policy: browser features denied to every page (samverkan.core.middleware); comma-separated.
SAMVERKAN_PERMISSIONS_POLICY_DENY = _env_list("SAMVERKAN_PERMISSIONS_POLICY_DENY",
                                              "camera,microphone,geolocation,payment,usb")

# Production: HTTPS only. Each can be turned off from the environment, e.g. behind a proxy that
# redirects to HTTPS itself (SECURE_SSL_REDIRECT=0).
SECURE_SSL_REDIRECT = _env_flag("SECURE_SSL_REDIRECT", PRODUCTION)
SESSION_COOKIE_SECURE = _env_flag("SESSION_COOKIE_SECURE", PRODUCTION)
CSRF_COOKIE_SECURE = _env_flag("CSRF_COOKIE_SECURE", PRODUCTION)
SECURE_HSTS_SECONDS = _env_int("SECURE_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = _env_flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", PRODUCTION)
SECURE_HSTS_PRELOAD = _env_flag("SECURE_HSTS_PRELOAD", PRODUCTION)
# Behind a reverse proxy that terminates TLS: trust its X-Forwarded-Proto header (only then).
if _env_flag("SAMVERKAN_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Largest document the importer accepts, in bytes.
SAMVERKAN_MAX_IMPORT_BYTES = _env_int("SAMVERKAN_MAX_IMPORT_BYTES", 20_000_000)
# What one imported document may hold and take: beyond these it is refused with a clear error.
SAMVERKAN_MAX_PDF_PAGES = _env_int("SAMVERKAN_MAX_PDF_PAGES", 2_000)
SAMVERKAN_MAX_UNPACKED_BYTES = _env_int("SAMVERKAN_MAX_UNPACKED_BYTES", 200_000_000)  # a .docx unzipped
SAMVERKAN_MAX_LINES = _env_int("SAMVERKAN_MAX_LINES", 200_000)  # lines of text, paragraphs of a .docx
SAMVERKAN_MAX_ITEMS = _env_int("SAMVERKAN_MAX_ITEMS", 2_000)  # numbered items and subitems
SAMVERKAN_MAX_SECONDS_PER_DOCUMENT = _env_int("SAMVERKAN_MAX_SECONDS_PER_DOCUMENT", 60)
# An uploaded ZIP of the archive: at most this many files, unpacking to at most this many times its size.
SAMVERKAN_MAX_ZIP_FILES = _env_int("SAMVERKAN_MAX_ZIP_FILES", 2_000)
SAMVERKAN_MAX_ZIP_RATIO = _env_int("SAMVERKAN_MAX_ZIP_RATIO", 100)
# As many files in one upload as in one ZIP (Django's default is 100).
DATA_UPLOAD_MAX_NUMBER_FILES = SAMVERKAN_MAX_ZIP_FILES

# Background tasks (the browser import reads its files in them): Django's tasks API through django-tasks,
# kept in the database (no extra server); `samverkan worker` runs them. SAMVERKAN_TASKS_BACKEND=immediate
# runs each task at once in the request instead (tests, a quick try without a worker).
TASKS = {"default": {"BACKEND": (
    "django_tasks.backends.immediate.ImmediateBackend"
    if os.environ.get("SAMVERKAN_TASKS_BACKEND", "").strip().lower() == "immediate"
    else "django_tasks_db.DatabaseBackend")}}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
