"""Settings every environment shares. Every value that differs between machines comes from `env`."""

import os
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured

from commons.elasticsearch_urls import parse_elasticsearch_urls

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()


def secret(name: str, default: str | None = None) -> str:
    """A secret exactly as set. `env()` would take a value starting with `$` (one generated
    Django key in fifty) as the name of another variable and refuse to start."""
    value = os.environ.get(name, default)
    if value is None:
        raise ImproperlyConfigured(f"Set the {name} environment variable")
    return value


DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", ".localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "commons",
    "search",
    "community",
    "knowledge",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "django_filters",
    "rest_framework",
    "rest_framework_api_key",
    "drf_spectacular",
    "corsheaders",
    "csp",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Before CommonMiddleware, which may answer first; limited to /api/ below.
    "corsheaders.middleware.CorsMiddleware",
    # Outside every other middleware, so redirects and error pages get a policy too; it makes
    # each request's nonce before any template can ask for it.
    "commons.content_security_policy.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Inside the session, auth and messages middleware: its page shows the signed-in navigation.
    "commons.method_not_allowed.MethodNotAllowedPageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Innermost, so the ETag is made from the body as sent and a 304 skips the rest.
    "commons.api.caching.ApiCachingMiddleware",
]

ROOT_URLCONF = "commons.urls"
WSGI_APPLICATION = "commons.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "community.context_processors.notifications",
                "community.context_processors.moderation",
                # {{ CSP_NONCE }}: marks the inline scripts and styles the policy allows.
                "csp.context_processors.nonce",
            ],
        },
    },
]

# The embedded default is a SQLite file beside the code; production and tests give DATABASE_URL.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# A connection per request by default; production keeps them (see production.py). Django checks
# a kept connection before reusing it, so a database restart costs no request an error.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache holds the rate-limit counters: allauth's (failed sign-ins, sign-ups) and the
# site's own (commons/ratelimits.py: posting, editing, contributing, searching).
# They only mean something if every web process shares them and they outlive a restart, so
# production gives CACHE_URL, e.g. redis://127.0.0.1:6379/0 (`manage.py check --deploy` warns
# without it). The embedded default keeps them in the memory of its one process.
CACHE_URL = env("CACHE_URL", default="")
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
if CACHE_URL:
    CACHES["default"] = env.cache_url_config(CACHE_URL)
    if CACHES["default"]["BACKEND"].endswith("RedisCache"):
        # Django's own Redis backend (django-environ would pick django-redis if it were
        # installed), with timeouts so a Redis that hangs fails a request instead of holding it.
        CACHES["default"]["BACKEND"] = "django.core.cache.backends.redis.RedisCache"
        CACHES["default"].setdefault("OPTIONS", {})
        CACHES["default"]["OPTIONS"].setdefault("socket_connect_timeout", 2)
        CACHES["default"]["OPTIONS"].setdefault("socket_timeout", 2)

# allauth finds each visitor's address (for its rate limits) in the last TRUSTED_PROXY_COUNT
# entries of X-Forwarded-For. With no proxy in front (the demo), the header is ignored: anyone
# could write it. Production assumes one proxy (see production.py).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# A proxy that passes the address in a header of its own instead (e.g. X-Real-IP).
ALLAUTH_TRUSTED_CLIENT_IP_HEADER = env("TRUSTED_CLIENT_IP_HEADER", default="") or None

AUTH_USER_MODEL = "community.User"
# Django's checks, with messages in plain English (community.validators).
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "community.validators.UserAttributeSimilarityValidator"},
    {"NAME": "community.validators.MinimumLengthValidator"},
    {"NAME": "community.validators.CommonPasswordValidator"},
    {"NAME": "community.validators.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
    # Permissions only: a verified officer's rights over due-diligence profiles.
    "community.auth_backends.OfficerPermissionsBackend",
]
# Accounts (django-allauth): sign in by email, verified by email before anyone can post;
# allauth rate-limits failed sign-ins and never says whether an address has an account.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USERNAME_VALIDATORS = "community.validators.USERNAME_VALIDATORS"
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "Commons: "
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/h/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
}
# A reset asked for an unknown address gets an email saying so (never a different page).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
ACCOUNT_ADAPTER = "community.adapters.AccountAdapter"
ACCOUNT_FORMS = {
    "login": "community.forms.accounts.SignInForm",
    "signup": "community.forms.accounts.SignUpForm",
    "reset_password": "community.forms.accounts.ResetPasswordForm",
    "reset_password_from_key": "community.forms.accounts.ResetPasswordKeyForm",
    "change_password": "community.forms.accounts.ChangePasswordForm",
    "set_password": "community.forms.accounts.SetPasswordForm",
    "add_email": "community.forms.accounts.AddEmailForm",
    "reauthenticate": "community.forms.accounts.ReauthenticateForm",
}
LOGIN_URL = "account_login"
WAGTAIL_FRONTEND_LOGIN_URL = "/accounts/login/"
# The admin sends people signed out to allauth's form too (commons.views.sign_in_through_allauth).
WAGTAILADMIN_LOGIN_URL = "/accounts/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Email: EMAIL_URL in django-environ's form, e.g. smtp+tls://user:password@smtp.example.org:587
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
# Seconds the SMTP connection waits for the mail server at each step. Emails are sent from the
# request that causes them (after its transaction commits): without a limit, a mail server that
# stops answering would hold every such request, and then every web process, for ever.
EMAIL_TIMEOUT = env.float("EMAIL_TIMEOUT", default=10.0)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Commons <no-reply@commons.localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", default=DEFAULT_FROM_EMAIL)

# Search: with ELASTICSEARCH_URL unset, Commons searches the database (see docs/search.md).
# One node or several, comma-separated; a malformed value stops the site here, at start-up.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_URLS = parse_elasticsearch_urls(ELASTICSEARCH_URL)
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="commons")
# The worker's bulk indexing and rebuilds may wait this long for a node...
ELASTICSEARCH_TIMEOUT_SECONDS = env.float("ELASTICSEARCH_TIMEOUT_SECONDS", default=5.0)
# ...but a person waiting for a search, an autocomplete or /healthz only this long: a page
# answered from the database soon beats one from Elasticsearch late.
ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS = env.float(
    "ELASTICSEARCH_SEARCH_TIMEOUT_SECONDS", default=1.5
)
# After a failure, or an answer slower than ELASTICSEARCH_BREAKER_SLOW_SECONDS (searches take
# tens of milliseconds), searches skip Elasticsearch for this long (search/breaker.py).
ELASTICSEARCH_BREAKER_SECONDS = env.float("ELASTICSEARCH_BREAKER_SECONDS", default=30.0)
ELASTICSEARCH_BREAKER_SLOW_SECONDS = env.float("ELASTICSEARCH_BREAKER_SLOW_SECONDS", default=1.0)
ELASTICSEARCH_SHARDS = env.int("ELASTICSEARCH_SHARDS", default=1)
ELASTICSEARCH_REPLICAS = env.int("ELASTICSEARCH_REPLICAS", default=0)
# An index task that fails this often is set aside for a person (search_status lists it).
SEARCH_TASK_MAX_ATTEMPTS = env.int("SEARCH_TASK_MAX_ATTEMPTS", default=8)
# The longest one database search may run on PostgreSQL before it gives up and says so.
SEARCH_FALLBACK_TIMEOUT_MS = env.int("SEARCH_FALLBACK_TIMEOUT_MS", default=2000)
# Wagtail's admin search (pages, snippets, images, documents) stays in the database even when
# Elasticsearch is configured: its entries are written in the edit's own transaction, so they are
# never out of step after an outage, a rolled-back import leaves none, and a sick node can neither
# slow a publish nor break the admin. Editors search a few thousand rows; the database is enough.
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
}

WAGTAIL_SITE_NAME = env("WAGTAIL_SITE_NAME", default="Commons")
# The site's public address: links in emails sent without a request (commons.links), and in
# Wagtail's own workflow emails. Production requires an https one (production.py).
PUBLIC_BASE_URL = env("PUBLIC_BASE_URL", default="http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# Editors' avatars are Wagtail's own picture, not Gravatar's: asking gravatar.com would tell it
# who edits here (the address is hashed, not hidden) and the admin's policy allows no other site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
# Documents are only ever served by Wagtail's view (/documents/<id>/<name>), which applies the
# collection's and the pages' privacy (knowledge/document_access.py); never a redirect to /media/.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Only PDFs open in the browser; everything else downloads, so no upload is ever shown as a page.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Every document upload (admin, contributions, import) is checked against its extension.
WAGTAILDOCS_DOCUMENT_FORM_BASE = "knowledge.document_forms.DocumentForm"
DOCUMENT_MAX_BYTES = env.int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
WAGTAILDOCS_MAX_UPLOAD_SIZE = DOCUMENT_MAX_BYTES
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No form takes a larger file: past this, an upload's bytes are dropped instead of filling the
# disk, and the form refuses it by its size (commons/uploads.py).
UPLOAD_MAX_BYTES = max(DOCUMENT_MAX_BYTES, WAGTAILIMAGES_MAX_UPLOAD_SIZE)
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "commons.uploads.CappedTemporaryFileUploadHandler",
]
# What a zip-based file (.xlsx, .docx, .odt, .zip...) may unpack to, by what it declares.
DOCUMENT_UNPACKED_MAX_BYTES = env.int("DOCUMENT_UNPACKED_MAX_BYTES", default=100 * 1024 * 1024)
DOCUMENT_UNPACKED_MAX_FILES = env.int("DOCUMENT_UNPACKED_MAX_FILES", default=10_000)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp). The public site runs only its own files, plus the few
# inline scripts and styles in templates/ that carry {{ CSP_NONCE }}, fresh for each response:
# a script that slips past the sanitiser cannot run. frame-ancestors follows X-Frame-Options
# (commons/content_security_policy.py). The address in CSP_REPORT_URI, if set, receives
# browsers' reports. (Not a setting of that name: django-csp would take it for its old format.)
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "report-uri": env("CSP_REPORT_URI", default="") or None,
    },
}
# The Wagtail admin writes inline scripts and style attributes in its own templates (date
# pickers, inline panels, the editor), which cannot carry our nonce. It keeps everything else
# (nothing from other sites, no plugins, forms post only here) but allows inline code, and so
# must have no nonce: browsers ignore 'unsafe-inline' when a nonce is present. Only signed-in
# editors see admin pages, and what they show is escaped or sanitised like everywhere else.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
    },
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "elastic_transport": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        # Wagtail logs every page created and published at INFO: too much for a demo load.
        "wagtail": {"level": env("WAGTAIL_LOG_LEVEL", default="WARNING")},
    },
}

# The partners' content API (/api/v1/, docs/api.md): read-only, public content only, so it reads
# no session (a signed-in member sees what everyone sees) and only partners' keys identify anyone.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["commons.api.keys.ApiKeyAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_THROTTLE_CLASSES": ["commons.api.throttling.ApiRateThrottle"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "commons.api.pagination.ApiPagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "commons.api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Commons content API",
    "DESCRIPTION": (
        "Read-only, public content of the Commons shared-services network: case studies, "
        "resources, organisations, shared services, stories and search. See docs/api.md."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {"RegionEnum": "knowledge.models.taxonomy.Region"},
    "PREPROCESSING_HOOKS": ["commons.api.schema.only_the_public_api"],
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "search.api_schema.describe_search",
        "commons.api.schema.document_errors",
    ],
}
# Any site may read the API from a browser; nothing else of ours is shared across origins.
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_ALLOW_HEADERS = ("accept", "authorization", "if-none-match")
CORS_EXPOSE_HEADERS = ("ETag", "Retry-After")
