import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wsp_platform.settings")
application = get_wsgi_application()

# Repeated API reads are answered from the response cache before Django builds a request
# (wsp_platform.api.cache explains when that is safe).
from wsp_platform.api.cache import CachedApiReads  # noqa: E402 - needs the settings loaded above

application = CachedApiReads(application)
