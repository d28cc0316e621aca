"""Settings shared by every deployment: the embedded default (SQLite, database task queue) runs on these alone."""

from __future__ import annotations

import os

import dj_database_url
from django.utils.translation import gettext_lazy as _

from hramada.settings.env import PROJECT_ROOT, env_bool, env_int, env_list, env_str, secret_key, var_dir

BASE_DIR = PROJECT_ROOT
SRC_DIR = PROJECT_ROOT / "src" / "hramada"
VAR_DIR = var_dir()

SECRET_KEY = secret_key()
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "csp",
    "django_htmx",
    # Serves the API docs' Swagger UI from our own static files instead of a CDN (CSP allows only 'self').
    "ninja",
    "django_tasks",
    "django_tasks_db",
    "hramada.core",
    "hramada.fund",
    "hramada.sanctions",
    "hramada.registry",
    "hramada.evidence",
    "hramada.evasion",
    "hramada.rapid",
    "hramada.monitoring",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "hramada.core.middleware.NulCharacterMiddleware",
    "hramada.core.middleware.UserLanguageMiddleware",
    "hramada.core.middleware.AuditContextMiddleware",
    "hramada.core.middleware.AccessPolicyMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
]

# E-mail (staff invitations): printed to the console by default; SMTP in production (docs/operations.md).
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 20)
DEFAULT_FROM_EMAIL = env_str("EMAIL_FROM", "Hramada <no-reply@localhost>")

ROOT_URLCONF = "hramada.urls"
WSGI_APPLICATION = "hramada.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SRC_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "hramada.core.context_processors.navigation",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", "") or f"sqlite:///{VAR_DIR / 'hramada.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions take the write lock up front, so the web server and the task worker queue for it
    # instead of failing with "database is locked" halfway through a transaction.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "core:login"

# Sessions end after inactivity: every request pushes the expiry forward by SESSION_COOKIE_AGE.
SESSION_COOKIE_AGE = env_int("SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "hramada.core.views.errors.csrf_failure"

# Brute force: five failures for one username from one address lock that pair out for an hour.
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("LOGIN_COOLOFF_HOURS", 1)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "core/locked_out.html"
AXES_VERBOSE = False
# Applicant registration: at most this many new accounts per client address, and in all, per hour (0: no limit).
REGISTRATIONS_PER_ADDRESS_PER_HOUR = env_int("REGISTRATIONS_PER_ADDRESS_PER_HOUR", 10)
REGISTRATIONS_PER_HOUR = env_int("REGISTRATIONS_PER_HOUR", 300)
# Nothing typed is kept: the username as a keyed hash, the address as a keyed pseudonym, no form data, no
# user agent; successful sign-ins are in the audit log, not in django-axes' access log (hramada.core.login_attempts).
AXES_HANDLER = "hramada.core.login_attempts.PseudonymousDatabaseHandler"
AXES_USERNAME_CALLABLE = "hramada.core.login_attempts.pseudonymous_username"
AXES_CLIENT_IP_CALLABLE = "hramada.core.login_attempts.pseudonymous_address"
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ACCESS_FAILURE_LOG = False
AXES_SENSITIVE_PARAMETERS = ["username", "password", "code", "passphrase", "otp_token", "token", "ip_address"]

OTP_TOTP_ISSUER = "Hramada"
OTP_TOTP_TOLERANCE = 1
OTP_WEBAUTHN_RP_ID = env_str("WEBAUTHN_RP_ID", "localhost")
OTP_WEBAUTHN_RP_NAME = "Hramada"
# Browsers treat http://localhost as a secure context, 127.0.0.1 not always: passkeys on the embedded default
# work at http://localhost:8000.
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("WEBAUTHN_ORIGINS", ["http://localhost:8000"])
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("be", _("Belarusian")), ("ru", _("Russian"))]
LOCALE_PATHS = [SRC_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env_str("TIME_ZONE", "Europe/Vilnius")
LANGUAGE_COOKIE_SECURE = False
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

STATIC_URL = "/static/"
STATICFILES_DIRS = [SRC_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
# Uploads (attachments, files to screen) live under var/, never inside the served static tree.
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "media"},
    },
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

# Uploads: requests larger than this are refused before they are read.
DATA_UPLOAD_MAX_MEMORY_SIZE = env_int("MAX_FORM_BYTES", 2 * 1024 * 1024)
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000
# Evidence originals (photos, video): the upload page refuses a larger declared Content-Length before reading it.
EVIDENCE_MAX_BYTES = env_int("EVIDENCE_MAX_BYTES", 1024 * 1024 * 1024)
# A TrueType font with Cyrillic for PDF dossiers; empty: the DejaVu Sans shipped in evidence/data/fonts/.
PDF_FONT = env_str("PDF_FONT", "")

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
# Our pages must not leak to where they link. Not "no-referrer": with it Chromium sends "Origin: null" on our own
# form posts and Django's CSRF origin check refuses them.
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'none'"],
        "object-src": ["'none'"],
    }
}

TASKS = {"default": {"BACKEND": env_str("TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}

# Personal data encryption: a JSON key ring generated into var/ on first run (see hramada.core.crypto).
HRAMADA_KEYRING_FILE = env_str("KEYRING_FILE", str(VAR_DIR / "keyring.json"))
# Audit chain anchors (docs/security.md): an append-only file outside the database, written by
# `manage.py anchor_audit` and after every HRAMADA_AUDIT_ANCHOR_EVERY entries.
HRAMADA_AUDIT_ANCHOR_FILE = env_str("AUDIT_ANCHOR_FILE", str(VAR_DIR / "audit-anchors.jsonl"))
HRAMADA_AUDIT_ANCHOR_EVERY = env_int("AUDIT_ANCHOR_EVERY", 1000)

# Sanctions import plausibility (docs/security.md): a snapshot that removes more than this share of the listed
# parties of the previous one, or changes the kind of more than this many, is held for an analyst to confirm.
HRAMADA_SANCTIONS_MAX_REMOVED_PERCENT = env_int("SANCTIONS_MAX_REMOVED_PERCENT", 5)
HRAMADA_SANCTIONS_MAX_KIND_CHANGES = env_int("SANCTIONS_MAX_KIND_CHANGES", 3)
# ... but losing this many parties or fewer is never suspicious by itself (a delta that delists one of two).
HRAMADA_SANCTIONS_REMOVED_FLOOR = env_int("SANCTIONS_REMOVED_FLOOR", 3)
# The built screening index, stored encrypted so that a starting process loads it instead of building it
# (hramada.sanctions.index_store); empty: every process builds its own.
HRAMADA_SCREENING_INDEX_FILE = env_str("SCREENING_INDEX_FILE", str(VAR_DIR / "screening-index.bin"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}
