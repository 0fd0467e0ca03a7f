"""Settings come from the environment; production mode passes `manage.py check --deploy`.

Each case runs in a fresh Python process, because settings are read once at import.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

ROOT = Path(__file__).resolve().parents[2]
# Variables of the surrounding shell (CI sets DATABASE_URL/REDIS_URL) must not leak in.
CLEARED = {"DATABASE_URL", "REDIS_URL", "DEBUG", "ALLOWED_HOSTS", "SECRET_KEY", "DJANGO_ENV", "BSN_ENCRYPTION_KEY",
           "BSN_HASH_KEY", "CSRF_TRUSTED_ORIGINS", "DJANGO_SETTINGS_MODULE",
           "DJANGO_ALLOW_ASYNC_UNSAFE"}  # set by the browser tests in the same process

PRINT_SETTINGS = """
import json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "wsp_platform.settings"
from django.conf import settings
db = settings.DATABASES["default"]
print(json.dumps({
    "engine": db["ENGINE"], "name": str(db["NAME"]), "host": db.get("HOST", ""), "port": db.get("PORT", ""),
    "user": db.get("USER", ""), "is_postgres": settings.DATABASE_IS_POSTGRES,
    "broker": settings.CELERY_BROKER_URL, "result_backend": settings.CELERY_RESULT_BACKEND,
    "eager": settings.CELERY_TASK_ALWAYS_EAGER, "debug": settings.DEBUG,
    "allowed_hosts": settings.ALLOWED_HOSTS, "secret_key": settings.SECRET_KEY,
    "time_zone": settings.TIME_ZONE, "language": settings.LANGUAGE_CODE, "use_tz": settings.USE_TZ,
    "beat": sorted(settings.CELERY_BEAT_SCHEDULE),
}))
"""


def run(args, env_overrides, tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in CLEARED}
    env["WSP_VAR_DIR"] = str(tmp_path)
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def read_settings(env, tmp_path) -> dict:
    result = run(["-c", PRINT_SETTINGS], env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def production_env() -> dict:
    return {
        "DJANGO_ENV": "production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "wsp.example.nl",
        "BSN_ENCRYPTION_KEY": Fernet.generate_key().decode(),
        "BSN_HASH_KEY": secrets.token_urlsafe(32),
    }


def test_without_environment_sqlite_and_eager_celery(tmp_path):
    values = read_settings({}, tmp_path)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(tmp_path / "db.sqlite3")
    assert values["is_postgres"] is False
    assert values["eager"] is True and values["broker"] == "memory://"
    assert values["debug"] is True
    assert "127.0.0.1" in values["allowed_hosts"]
    assert values["time_zone"] == "Europe/Amsterdam" and values["language"] == "nl" and values["use_tz"]
    assert "daily-deadline-sweeps" in values["beat"]


def test_environment_variables_are_used(tmp_path):
    values = read_settings(
        {
            "DATABASE_URL": "postgres://wsp:geheim@db.example.nl:5433/wsp_prod",
            "REDIS_URL": "redis://redis.example.nl:6379/3",
            "DEBUG": "0",
            "ALLOWED_HOSTS": "wsp.example.nl, api.wsp.example.nl",
            "SECRET_KEY": "a-secret-from-the-environment-0123456789",
        },
        tmp_path,
    )
    assert values["engine"] == "django.db.backends.postgresql" and values["is_postgres"] is True
    assert (values["name"], values["host"], values["port"], values["user"]) == (
        "wsp_prod", "db.example.nl", 5433, "wsp")
    assert values["broker"] == values["result_backend"] == "redis://redis.example.nl:6379/3"
    assert values["eager"] is False
    assert values["debug"] is False
    assert values["allowed_hosts"] == ["wsp.example.nl", "api.wsp.example.nl"]
    assert values["secret_key"] == "a-secret-from-the-environment-0123456789"


def test_debug_can_be_switched_on_by_the_environment(tmp_path):
    assert read_settings({"DEBUG": "true"}, tmp_path)["debug"] is True
    assert read_settings({"DEBUG": "false"}, tmp_path)["debug"] is False


@pytest.mark.parametrize("missing", ["SECRET_KEY", "BSN_ENCRYPTION_KEY", "BSN_HASH_KEY"])
def test_production_refuses_to_start_without_its_secrets(tmp_path, missing):
    env = production_env()
    del env[missing]
    result = run(["-c", PRINT_SETTINGS], env, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr and missing in result.stderr


def test_production_is_not_in_debug_mode(tmp_path):
    values = read_settings(production_env(), tmp_path)
    assert values["debug"] is False
    assert values["allowed_hosts"] == ["wsp.example.nl"]


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], production_env(), tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in output
