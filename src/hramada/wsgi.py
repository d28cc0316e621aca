"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hramada.settings.base")
application = get_wsgi_application()

# Each worker builds what it serves from (the screening index) in the background at once, rather than on the
# first request; /api/yente/readyz says "starting" until it is done.
from hramada.core.startup import start_warmups  # noqa: E402

start_warmups()
