"""Production: PostgreSQL through DATABASE_URL, HTTPS only, secrets from the environment or a mounted var/."""

from hramada.settings.base import *  # noqa: F403
from hramada.settings.env import env_bool, env_int

DEBUG = False
SECURE_SSL_REDIRECT = env_bool("SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("HSTS_SECONDS", 365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
LANGUAGE_COOKIE_SECURE = True
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
