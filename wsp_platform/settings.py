"""Settings, read from the environment (12-factor).

Without ``DATABASE_URL`` the platform uses a SQLite file under ``var/``;
without ``REDIS_URL`` Celery runs tasks in-process (eager), so a fresh machine
needs neither PostgreSQL nor Redis. ``DJANGO_ENV=production`` switches on the
hardened settings that ``manage.py check --deploy`` expects.
"""

import os
from pathlib import Path

import dj_database_url
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_int(name: str, default: int) -> int:
    return int(os.environ.get(name, default))


BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("WSP_VAR_DIR", BASE_DIR / "var"))

ENVIRONMENT = os.environ.get("DJANGO_ENV", "development")
PRODUCTION = ENVIRONMENT == "production"

DEBUG = env_bool("DEBUG", not PRODUCTION)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY must be set in production.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production-0123456789abcdef"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Key for field-level encryption of the BSN (Fernet, urlsafe base64 32 bytes) and
# for the keyed hash used for exact look-ups. A database dump alone reveals no BSN.
BSN_ENCRYPTION_KEY = os.environ.get("BSN_ENCRYPTION_KEY", "")
BSN_HASH_KEY = os.environ.get("BSN_HASH_KEY", "")
if PRODUCTION and not (BSN_ENCRYPTION_KEY and BSN_HASH_KEY):
    raise ImproperlyConfigured("BSN_ENCRYPTION_KEY and BSN_HASH_KEY must be set in production.")
BSN_ENCRYPTION_KEY = BSN_ENCRYPTION_KEY or "ZGV2LW9ubHktYnNuLWtleS0wMTIzNDU2Nzg5YWJjZGU="
BSN_HASH_KEY = BSN_HASH_KEY or "dev-only-bsn-hash-key"

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # Security: login lockout, TOTP two-factor authentication, Content-Security-Policy.
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "csp",
    "wsp_platform.core",
    "wsp_platform.accounts",
    "wsp_platform.audit",
    "candidates",
    "employers",
    "placements",
    "subsidies",
    "wsp_platform.api",
]

MIDDLEWARE = [
    # First: answers a repeated API read from the cache without the rest of the stack
    # (wsp_platform.api.cache explains when that is safe).
    "wsp_platform.api.cache.ApiResponseCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "employers.portal.middleware.EmployerPortalMiddleware",
    "wsp_platform.core.middleware.TwoFactorRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wsp_platform.core.middleware.ContentSecurityPolicyMiddleware",
    "wsp_platform.core.middleware.PermissionsPolicyMiddleware",
    "wsp_platform.core.middleware.RequestIdMiddleware",
    # Last, as django-axes asks: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "wsp_platform.urls"
WSGI_APPLICATION = "wsp_platform.wsgi.application"
AUTH_USER_MODEL = "accounts.User"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
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

DATABASE_URL = os.environ.get("DATABASE_URL", "")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=env_int("DB_CONN_MAX_AGE", 60))}
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "db.sqlite3",
        }
    }
DATABASE_IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out user before any password is checked.
AUTHENTICATION_BACKENDS = [
    "wsp_platform.accounts.backends.AxesLockoutBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "wsp_platform" / "static"]
# Uploads live outside the web root and are only served through a permission-checked view.
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = None
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
DOCUMENT_MAX_UPLOAD_BYTES = env_int("DOCUMENT_MAX_UPLOAD_BYTES", 10 * 1024 * 1024)
DOCUMENT_ALLOWED_EXTENSIONS = env_list("DOCUMENT_ALLOWED_EXTENSIONS", "pdf,docx,xlsx,odt,ods,png,jpg,jpeg,txt")

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "wsp-platform@localhost")

# Sessions: expire after inactivity (BIO), secure cookies in production.
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Login hardening (BIO) --------------------------------------------------------
# django-axes: after AXES_FAILURE_LIMIT failed logins for one username (from anywhere), or
# from one client (IP address + browser) for any usernames (password spraying), logging in
# is refused for AXES_COOLOFF_TIME hours; a successful login resets the counter.
AXES_ENABLED = env_bool("AXES_ENABLED", True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = float(os.environ.get("AXES_COOLOFF_HOURS", "0.25"))
AXES_LOCKOUT_PARAMETERS = ["username", ["ip_address", "user_agent"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_SENSITIVE_PARAMETERS = ["username", "ip_address"]
AXES_VERBOSE = False
# TOTP two-factor authentication for WSP staff (bemiddelaar, teamleider, functioneel
# beheerder, superusers). On in production; off by default in development and tests so
# `client.force_login` and the browser tests keep working (the 2FA tests switch it on).
WSP_REQUIRE_2FA = env_bool("WSP_REQUIRE_2FA", PRODUCTION)
OTP_TOTP_ISSUER = os.environ.get("OTP_TOTP_ISSUER", "WSP-platform")

# Error reports (500 e-mails, the debug page) never show a BSN.
DEFAULT_EXCEPTION_REPORTER_FILTER = "wsp_platform.core.logging.SafeExceptionReporterFilter"

# Content-Security-Policy (django-csp): no inline scripts or styles, everything from 'self'.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Swagger UI / Redoc (API documentation for developers) ship an inline bootstrap.
CSP_RELAXED_PATH_PREFIXES = ("/api/v1/docs", "/api/v1/redoc")
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "wsp_platform.core.logging.RequestIdFilter"}},
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["request_id"]},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # django-axes logs every login and logout at INFO; failures and lockouts are WARNING.
    "loggers": {"axes": {"level": os.environ.get("AXES_LOG_LEVEL", "WARNING")}},
}

# --- Celery -----------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
CELERY_BROKER_URL = REDIS_URL or "memory://"

CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
# Without Redis, tasks run in-process so a laptop needs no broker.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_TIMEZONE = TIME_ZONE
CELERY_ENABLE_UTC = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 30 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 25 * 60)
CELERY_RESULT_EXPIRES = 24 * 3600
# acks_late: a message is acknowledged after the task ran, so a killed worker's message is
# redelivered to another worker after the visibility timeout (longer than any time limit).
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("CELERY_VISIBILITY_TIMEOUT", 2 * 3600),
    # How often a worker looks for unacknowledged messages whose timeout passed (kombu defaults).
    "unacked_restore_interval": env_int("CELERY_UNACKED_RESTORE_INTERVAL", 10),
    "unacked_restore_throttle": env_int("CELERY_UNACKED_RESTORE_THROTTLE", 10),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_TRACK_STARTED = True
# The long deadline sweeps get their own queue so they never hold up short tasks.
CELERY_TASK_ROUTES = {
    "placements.tasks.run_daily_sweeps": {"queue": "sweeps"},
    "*.sweep_*": {"queue": "sweeps"},
}
CELERY_TASK_DEFAULT_QUEUE = "default"
CELERY_BEAT_SCHEDULE = {
    "daily-deadline-sweeps": {
        "task": "placements.tasks.run_daily_sweeps",
        "schedule": crontab(hour=5, minute=30),
    },
    "avg-retention-anonymise": {
        "task": "candidates.tasks.anonymise_expired_candidates",
        "schedule": crontab(hour=2, minute=15),
    },
    "working-morning-digest": {
        "task": "placements.tasks.send_daily_digests",
        "schedule": crontab(hour=7, minute=30, day_of_week="mon-fri"),
    },
}

# --- REST API -----------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "WSP platform API",
    "DESCRIPTION": "API voor gemeentelijke systemen: kandidaten, werkgevers, plaatsingen en subsidies.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # `check --deploy` generates the schema with these global settings; without the same
    # enum names as wsp_platform.api.schema it would warn about colliding enum names.
    "ENUM_NAME_OVERRIDES": {
        "CandidateStatusEnum": "candidates.choices.CandidateStatus",
        "PlacementStatusEnum": "placements.choices.PlacementStatus",
        "ProposalStatusEnum": "placements.choices.ProposalStatus",
        "TaskStatusEnum": "placements.choices.TaskStatus",
        "TaskKindEnum": "placements.choices.TaskKind",
        "JobStatusEnum": "employers.choices.JobStatus",
        "JobKindEnum": "employers.choices.JobKind",
        "ApplicationStatusEnum": "subsidies.choices.ApplicationStatus",
        "SubsidyKindEnum": "subsidies.choices.SubsidyKind",
        "SectorEnum": "wsp_platform.core.choices.Sector",
        "LoadLevelEnum": "candidates.choices.LoadLevel",
    },
}

# --- Cache --------------------------------------------------------------------------
# Redis when there is one, so every gunicorn and Celery worker shares the API throttle
# counters and the API response cache's data version; else Django's in-process cache.
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "wsp_platform.core.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("WSP_CACHE_KEY_PREFIX", "wsp"),
        }
    }
# API response cache (wsp_platform.api.cache): needs a cache all processes share.
WSP_API_CACHE = env_bool("WSP_API_CACHE", bool(REDIS_URL))
WSP_API_CACHE_SECONDS = env_int("WSP_API_CACHE_SECONDS", 300)

# --- Domain settings (lead times are settings, not constants) -------------------
WSP = {
    "RETENTION_YEARS_AFTER_LAST_PLACEMENT": env_int("WSP_RETENTION_YEARS", 2),
    # Kept for compatibility: whether staff may read other teams' files is the
    # region's own flag (Region.read_across_teams); this global switch only forces it on.
    "REGION_READ_ACROSS_TEAMS": env_bool("WSP_REGION_READ_ACROSS_TEAMS", False),
    # Follow-up sweeps (placements.followup): days before the event a task appears, unless
    # the name says months. Read through placements.followup.lead_times().
    "LEAD_TIMES": {
        "catch_up_days": 7,
        "recent_change_days": 14,
        "nazorg_contact": 7,
        "loonwaarde_due": 56,
        "loonwaarde_overdue": 1,
        "forfaitair_warning_months": 5,
        "forfaitair_period_months": 6,
        "beschikking_end": 42,
        "trial_end": 14,
        "contract_end": 42,
        "jobcoach_budget_end": 42,
        "jobcoach_no_contact": 28,
        "jobcoach_first_months": 6,
        "candidate_no_contact": 56,
        "ketenregeling": 91,
        "ketenregeling_count": 3,
        "transition_plan": 91,
        "champion_leaving": 28,
        "supervisor_change": 28,
        "durability_lead": 14,
        "durability_months": (6, 12),
        "step_down_month": 6,
        "step_down_lead": 28,
    },
    "SWEEP_CHUNK_SIZE": env_int("WSP_SWEEP_CHUNK_SIZE", 2000),
    # Test-only: pause between sweep chunks, so a test can kill a worker mid-sweep.
    "SWEEP_CHUNK_PAUSE_SECONDS": float(os.environ.get("WSP_SWEEP_CHUNK_PAUSE_SECONDS", "0")),
    # Absolute links in the e-mail digest.
    "SITE_URL": os.environ.get("WSP_SITE_URL", "http://127.0.0.1:8000"),
}
