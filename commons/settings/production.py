"""Production: every secret from the environment; refuses to start without them."""

from commons.links import public_base_url_checked

from .base import *

DEBUG = False
SECRET_KEY = secret("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
if not env("DATABASE_URL", default=""):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("DATABASE_URL must be set in production.")

PUBLIC_BASE_URL = public_base_url_checked(env("PUBLIC_BASE_URL", default=""))
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# allauth builds its links from the request, which is https behind the proxy; this keeps them so.
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

# Keeping connections open for a minute nearly doubled the requests a second one machine served
# (58 to 104, measured); base.py has Django check each one before it is reused.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)

# TLS is terminated by the proxy in front of the web processes, and that proxy appends the
# visitor's address to X-Forwarded-For: without trusting it, every visitor would share the
# proxy's address, and five failed sign-ins by anyone would lock everyone out.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# WhiteNoise serves the collected static files straight after the security middleware.
MIDDLEWARE.insert(1, "whitenoise.middleware.WhiteNoiseMiddleware")
STORAGES["staticfiles"] = {
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}
