"""Django settings, read from environment variables.

With no variable set, the embedded development default applies: the
project-local PostgreSQL cluster and Redis that `make run` starts, documents
on local disk under `.data/`. `OPENZAAK_ENV=production` turns every
development default off and requires the secrets to be given.
"""
import os
from pathlib import Path

from boto3.s3.transfer import TransferConfig
from botocore.config import Config as BotoConfig
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("DATA_DIR", BASE_DIR / ".data"))


def env(name: str, default=None):
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


PRODUCTION = env("OPENZAAK_ENV", "development") == "production"

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set when OPENZAAK_ENV=production")
    SECRET_KEY = "development-only-secret-key-not-for-production"

DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "*" if not PRODUCTION else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
if env_bool("SECURE_PROXY_SSL", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.gis",
    "django.contrib.postgres",
    "rest_framework",
    "rest_framework_gis",
    "django_filters",
    "drf_spectacular",
    "solo",
    "simple_certmanager",
    "zgw_consumers",
    "vng_api_common",
    "vng_api_common.authorizations",
    "vng_api_common.audittrails",
    "notifications_api_common",
    "axes",
    "health_check",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "api.common",
    "api.autorisaties",
    "api.catalogi",
    "api.zaken",
    "api.documenten",
    "api.referentielijsten",
    "storage_backends",
    "storage_backends.database",
    "storage_backends.cmis",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "api.common.middleware.ZGWRequestMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "openzaak_cmis.urls"
WSGI_APPLICATION = "openzaak_cmis.wsgi.application"

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
            ],
        },
    },
]

DATABASES = {
    "default": {
        "ENGINE": "django.contrib.gis.db.backends.postgis",
        "HOST": env("DB_HOST", "127.0.0.1"),
        "PORT": int(env("DB_PORT", "55432")),
        "NAME": env("DB_NAME", "openzaak_cmis"),
        "USER": env("DB_USER", "openzaak_cmis"),
        "PASSWORD": env("DB_PASSWORD", ""),
        "OPTIONS": (
            {"pool": {"min_size": 1, "max_size": int(env("DB_POOL_MAX_SIZE", "10"))}}
            if env_bool("DB_POOL", True)
            else {}
        ),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", "redis://127.0.0.1:56379")
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"{REDIS_URL}/0",
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", ""),
        }
        if env("CACHE_BACKEND", "redis") == "redis"
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

LANGUAGE_CODE = "nl-nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"

# Documents: the backend behind the Documenten API ("database" or "cmis") and
# the `documents` storage: the content of the database backend, and where the
# CMIS backend stages bestandsdelen: local disk (under DATA_DIR) or S3.
# DOCUMENT_BACKEND is the name this setting had before 0.2.
DOCUMENTEN_BACKEND = env("DOCUMENTEN_BACKEND", env("DOCUMENT_BACKEND", "database"))
DOCUMENT_STORAGE = env("DOCUMENT_STORAGE", "local")
DOCUMENTS_DIR = Path(env("DOCUMENTS_DIR", str(DATA_DIR / "documents")))
# Content sent without `inhoud` comes in bestandsdelen of this many bytes (the last one smaller).
DOCUMENTEN_UPLOAD_CHUNK_SIZE = int(env("DOCUMENTEN_UPLOAD_CHUNK_SIZE", str(100 * 1024 * 1024)))


def _s3_transfer_config() -> TransferConfig:
    """Uploads hold at most S3_UPLOAD_CONCURRENCY parts of 8 MiB in memory (boto3 would buffer ten).

    A large document goes to S3 as a multipart upload; the bound keeps a
    worker's memory flat however big the document is.
    """
    concurrency = int(env("S3_UPLOAD_CONCURRENCY", "2"))
    config = TransferConfig(max_concurrency=concurrency)
    config.max_in_memory_upload_chunks = concurrency  # s3transfer's setting; boto3's constructor lacks it
    return config


# The S3 storage's options; also the base of the S3 storage the admin's storage configuration selects.
DOCUMENTS_S3_OPTIONS = {
    "bucket_name": env("S3_BUCKET", ""),
    "endpoint_url": env("S3_ENDPOINT_URL") or None,
    "region_name": env("S3_REGION") or None,
    "access_key": env("S3_ACCESS_KEY_ID") or None,
    "secret_key": env("S3_SECRET_ACCESS_KEY") or None,
    "location": env("S3_KEY_PREFIX", ""),
    "file_overwrite": False,
    # An S3 that stops answering gives a 503 within seconds, not after botocore's 60 s timeouts.
    "client_config": BotoConfig(
        connect_timeout=float(env("S3_CONNECT_TIMEOUT", "5")),
        read_timeout=float(env("S3_READ_TIMEOUT", "30")),
        retries={"max_attempts": int(env("S3_MAX_ATTEMPTS", "3")), "mode": "standard"},
    ),
    "transfer_config": _s3_transfer_config(),
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "documents": (
        {"BACKEND": "storage_backends.database.s3.SharedSessionS3Storage", "OPTIONS": DOCUMENTS_S3_OPTIONS}
        if DOCUMENT_STORAGE == "s3"
        else {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": DOCUMENTS_DIR}}
    ),
}

# The CMIS repository of DOCUMENTEN_BACKEND=cmis (docs/storage-backends.md).
CMIS = {
    "url": env("CMIS_URL", ""),
    "repository_id": env("CMIS_REPOSITORY_ID", ""),
    "user": env("CMIS_USER", ""),
    "password": env("CMIS_PASSWORD", ""),
    "base_folder": env("CMIS_BASE_FOLDER", "/DRC"),
    "connect_timeout": float(env("CMIS_CONNECT_TIMEOUT", "5")),
    "read_timeout": float(env("CMIS_READ_TIMEOUT", "60")),
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}

# -- Admin security ----------------------------------------------------------
# Two-factor login for the admin; switch off only on a developer's machine.
ADMIN_2FA = env_bool("ADMIN_2FA", PRODUCTION)
AXES_FAILURE_LIMIT = int(env("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = int(env("AXES_COOLOFF_HOURS", "1"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_ONLY_ADMIN_SITE = True
OTP_TOTP_ISSUER = "openzaak-cmis"

# -- REST framework and ZGW ---------------------------------------------------
# `_expand` (inlined linked resources) keeps its leading underscore; what is inside it is camelCased.
JSON_CAMEL_CASE = {
    "JSON_UNDERSCOREIZE": {"no_underscore_before_number": False, "ignore_fields": None, "ignore_keys": ("_expand",)},
}
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "api.common.autoschema.ZGWAutoSchema",
    "DEFAULT_RENDERER_CLASSES": ("djangorestframework_camel_case.render.CamelCaseJSONRenderer",),
    "DEFAULT_PARSER_CLASSES": ("djangorestframework_camel_case.parser.CamelCaseJSONParser",),
    "DEFAULT_AUTHENTICATION_CLASSES": (),
    "DEFAULT_PERMISSION_CLASSES": ("api.common.permissions.ScopesRequired",),
    "DEFAULT_FILTER_BACKENDS": ("api.common.filters.FilterBackend",),
    "DEFAULT_PAGINATION_CLASS": None,
    "UNAUTHENTICATED_USER": None,
    "ORDERING_PARAM": "ordering",
    "EXCEPTION_HANDLER": "api.common.exceptions.exception_handler",
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
    "COERCE_DECIMAL_TO_STRING": False,
}

SPECTACULAR_SETTINGS = {
    "DEFAULT_GENERATOR_CLASS": "vng_api_common.generators.OpenAPISchemaGenerator",
    "SERVE_INCLUDE_SCHEMA": False,
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "drf_spectacular.contrib.djangorestframework_camel_case.camelize_serializer_fields",
        "api.common.schema.blank_alternative_as_any_of",
    ],
    "ENUM_GENERATE_CHOICE_DESCRIPTION": False,
    "APPEND_COMPONENTS": {
        "securitySchemes": {
            "JWT-Claims": {"type": "http", "bearerFormat": "JWT", "scheme": "bearer"}
        }
    },
    "SECURITY": [{"JWT-Claims": []}],
    "CONTACT": {"url": "https://zaakgerichtwerken.vng.cloud"},
    "LICENSE": {"name": "EUPL 1.2", "url": "https://opensource.org/licenses/EUPL-1.2"},
}

# Names vng_api_common reads from settings, copied by name (LIBRARIES.md §2.6).
SECURITY_DEFINITION_NAME = "JWT-Claims"
API_VERSION = "1.0.0"
JWT_EXPIRY = int(env("JWT_EXPIRY", "3600"))
# Seconds of clock skew accepted on `iat` (and `exp`, `nbf` when present).
TIME_LEEWAY = int(env("JWT_LEEWAY", "5"))
# How long a client's applicaties and secret stay cached; changes invalidate at once.
AUTH_CACHE_SECONDS = int(env("AUTH_CACHE_SECONDS", "60"))
LINK_FETCHER = "requests.get"
GEMMA_URL_TEMPLATE = "https://www.gemmaonline.nl/index.php/{informatiemodel}_{versie}/doc/{componenttype}/{component}"
GEMMA_URL_COMPONENTTYPE = "objecttype"
GEMMA_URL_INFORMATIEMODEL = "Rgbz"
GEMMA_URL_INFORMATIEMODEL_VERSIE = "2.0"
NOTIFICATIONS_KANAAL = None
NOTIFICATIONS_DISABLED = env_bool("NOTIFICATIONS_DISABLED", False)
COMMONGROUND_API_COMMON_GET_DOMAIN = "vng_api_common.utils.get_site_domain"
ZGW_CONSUMERS_IGNORE_OAS_FIELDS = True

# -- Referentielijsten --------------------------------------------------------
# Empty: use the embedded Referentielijsten API of this service.
REFERENTIELIJSTEN_API_URL = env("REFERENTIELIJSTEN_API_URL", "")
# Seconds to wait for another service when checking a URL that refers to it.
REMOTE_TIMEOUT = float(env("REMOTE_TIMEOUT", "10"))
# Caps on `expand` (docs/expand.md): paths per request, levels per path, and
# objects expanded in one response; beyond them the request is a 400.
EXPAND_MAX_PATHS = int(env("EXPAND_MAX_PATHS", "20"))
EXPAND_MAX_DEPTH = int(env("EXPAND_MAX_DEPTH", "6"))
EXPAND_MAX_OBJECTS = int(env("EXPAND_MAX_OBJECTS", "5000"))

# -- Notifications outbox ------------------------------------------------------
# Empty: notifications wait in the outbox (visible in the admin) until one is set.
NOTIFICATIONS_API_URL = env("NOTIFICATIONS_API_URL", "")
NOTIFICATIONS_CLIENT_ID = env("NOTIFICATIONS_CLIENT_ID", "")
NOTIFICATIONS_SECRET = env("NOTIFICATIONS_SECRET", "")
NOTIFICATIONS_TIMEOUT = float(env("NOTIFICATIONS_TIMEOUT", "10"))
NOTIFICATIONS_MAX_ATTEMPTS = int(env("NOTIFICATIONS_MAX_ATTEMPTS", "8"))

# -- Celery ----------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", f"{REDIS_URL}/1")
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_BROKER_TRANSPORT_OPTIONS = {"max_retries": 0}
# Fail fast when the broker is down: the outbox row waits for the periodic sweep.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BEAT_SCHEDULE = {
    "deliver-pending-notifications": {
        "task": "api.common.tasks.deliver_pending_notifications",
        "schedule": 60.0,
    },
    "sweep-orphaned-documents": {
        "task": "storage_backends.tasks.sweep_documents",
        "schedule": 3600.0,
    },
    # Only does something with DOCUMENTEN_BACKEND=cmis.
    "reconcile-cmis-index": {
        "task": "storage_backends.cmis.tasks.reconcile_cmis",
        "schedule": 3600.0,
    },
    "reconcile-cmis-index-full": {
        "task": "storage_backends.cmis.tasks.reconcile_cmis",
        "schedule": crontab(hour=3, minute=30),
        "kwargs": {"full": True},
    },
}
SILENCED_SYSTEM_CHECKS = ["gis.W001"]

# vng_api_common logs through structlog; honour LOG_LEVEL there too.
import logging  # noqa: E402
import sys  # noqa: E402

import structlog  # noqa: E402

structlog.configure(
    wrapper_class=structlog.make_filtering_bound_logger(getattr(logging, env("LOG_LEVEL", "WARNING"))),
    # Logs go to stderr so command output (a token, a schema) stays clean on stdout.
    logger_factory=structlog.PrintLoggerFactory(file=sys.stderr),
)
