"""docker-compose.yml describes production: the services, their health checks, the
one-shot migrate step, and only environment variables the settings actually read."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]
APP_SERVICES = ["migrate", "web", "worker", "beat"]
ENV_READ = re.compile(
    r"""(?:os\.environ\.get|os\.environ\[|os\.getenv|env_bool|env_int|env_list)\(?\s*["']([A-Z][A-Z0-9_]*)["']"""
)


def settings_env_names() -> set[str]:
    return set(ENV_READ.findall((ROOT / "wsp_platform" / "settings.py").read_text()))


def command(service: str) -> str:
    value = SERVICES[service]["command"]
    return " ".join(value) if isinstance(value, list) else value


def test_all_services_exist():
    assert {"web", "worker", "beat", "postgres", "redis", "migrate"} <= set(SERVICES)


def test_databases_have_health_checks_and_the_right_images():
    assert SERVICES["postgres"]["image"] == "postgres:15"
    assert "pg_isready" in " ".join(SERVICES["postgres"]["healthcheck"]["test"])
    assert SERVICES["redis"]["image"] == "redis:7"
    assert "redis-cli ping" in " ".join(SERVICES["redis"]["healthcheck"]["test"])
    assert "healthcheck" in SERVICES["web"]


def test_app_services_run_the_right_processes():
    web = command("web")
    assert "gunicorn" in web and "wsp_platform.wsgi" in web and "--workers 2" in web
    assert "celery -A wsp_platform worker" in command("worker") and "-Q default,sweeps" in command("worker")
    assert "celery -A wsp_platform beat" in command("beat")
    assert "manage.py migrate" in command("migrate") and "collectstatic" in command("migrate")
    assert SERVICES["migrate"].get("restart") == "no"


@pytest.mark.parametrize("service", ["web", "worker", "beat"])
def test_app_services_wait_for_the_migrate_step_and_healthy_databases(service):
    depends = SERVICES[service]["depends_on"]
    assert depends["migrate"]["condition"] == "service_completed_successfully"
    assert depends["postgres"]["condition"] == "service_healthy"
    assert depends["redis"]["condition"] == "service_healthy"
    assert SERVICES["migrate"]["depends_on"]["postgres"]["condition"] == "service_healthy"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_app_services_get_the_production_environment(service):
    env = SERVICES[service]["environment"]
    assert env["DJANGO_ENV"] == "production"
    for name in ("DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS", "BSN_ENCRYPTION_KEY", "BSN_HASH_KEY"):
        assert env.get(name), f"{service} lacks {name}"
    # The URLs point at the compose services.
    database_url = env["DATABASE_URL"]
    assert database_url.startswith("postgres://") and re.search(r"@postgres:5432/wsp$", database_url)
    assert urlsplit(env["REDIS_URL"]).hostname == "redis"


@pytest.mark.parametrize("service", APP_SERVICES)
def test_every_environment_variable_is_one_the_settings_read(service):
    read = settings_env_names()
    assert {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"} <= read  # the grep works
    unknown = set(SERVICES[service]["environment"]) - read
    assert not unknown, f"{service} sets variables settings.py never reads: {sorted(unknown)}"


def test_secrets_are_not_hard_coded():
    env = SERVICES["web"]["environment"]
    for name in ("SECRET_KEY", "BSN_ENCRYPTION_KEY", "BSN_HASH_KEY"):
        assert env[name].startswith("${") and ":?" in env[name], f"{name} must come from the environment"


def test_dockerfile_builds_a_non_root_python_311_image():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "FROM python:3.11-slim" in dockerfile
    assert "npm ci" in dockerfile and "scripts/copy-vendor.mjs" in dockerfile
    assert "pip install ." in dockerfile
    users = re.findall(r"^USER\s+(\S+)", dockerfile, flags=re.M)
    assert users and users[-1] not in ("root", "0")
