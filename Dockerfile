# Production image of the WSP platform: gunicorn (web), Celery worker and beat all run
# from this one image; docker-compose.yml wires them to PostgreSQL and Redis.

# --- Front-end packages from the npm registry (never committed) ---------------------
FROM node:20-slim AS assets
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --loglevel=error
COPY scripts/copy-vendor.mjs scripts/copy-vendor.mjs
RUN node scripts/copy-vendor.mjs

# --- The application ------------------------------------------------------------------
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_ENV=production \
    WSP_VAR_DIR=/var/lib/wsp \
    STATIC_ROOT=/app/staticfiles \
    MEDIA_ROOT=/var/lib/wsp/media
WORKDIR /app

# Dependencies first (pinned in pyproject.toml), so code changes do not reinstall them.
# pyproject.toml declares no packages: `pip install .` installs just the dependencies;
# the code runs from /app.
COPY pyproject.toml ./
RUN pip install .

COPY . .
COPY --from=assets /app/wsp_platform/static/vendor wsp_platform/static/vendor

# Never run as root. The volumes for static files and uploads are created owned by
# this user, so named volumes mounted there inherit the ownership.
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin wsp \
    && mkdir -p /app/staticfiles /var/lib/wsp/media \
    && chown -R wsp:wsp /app/staticfiles /var/lib/wsp
USER wsp

EXPOSE 8000
CMD ["gunicorn", "wsp_platform.wsgi:application", "--bind", "0.0.0.0:8000", "--workers", "2", "--access-logfile", "-"]
