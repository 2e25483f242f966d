# syntax=docker/dockerfile:1
# quoteattr-server in a container: slim Python 3.11, CPU-only torch, non-root, health checked
# over gRPC. The install steps are the Makefile's own (`make tools`, `make install`), the ones
# `make test` runs, so CI exercises them even though it cannot build this image.
#
#   docker build -t quoteattr .                                  models mounted at run time
#   docker build --target bundled -t quoteattr:bundled \
#       --build-context models=../shared/models/stanza-en-cc .  models copied in
#   docker run -p 50051:50051 -p 8080:8080 -p 9464:9464 \
#       -v "$PWD/../shared/models/stanza-en-cc:/models:ro" quoteattr

ARG PYTHON_IMAGE=python:3.11-slim

# --- build: the virtualenv in /opt/venv (both distributions, the stubs generated in them) ----
FROM ${PYTHON_IMAGE} AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends make \
    && rm -rf /var/lib/apt/lists/*
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app
# torch (CPU build, from PyTorch's CPU index) and grpcio-tools first, in a layer of their own
# that changes only with the Makefile.
COPY Makefile ./
RUN make tools VENV=/opt/venv PYTHON=python3.11 \
        TORCH_INDEX=https://download.pytorch.org/whl/cpu
COPY . .
# quoteattr-client and quoteattr-server as `make test` installs them, without the development
# requirements and not editable: the image needs only the virtualenv.
RUN make install VENV=/opt/venv PYTHON=python3.11 DEV= EDITABLE= \
    && /opt/venv/bin/python -c "import torch; assert not torch.version.cuda, torch.version.cuda"

# --- base: what runs, without make or build caches -------------------------------------------
FROM ${PYTHON_IMAGE} AS base
RUN groupadd --system --gid 10001 quoteattr \
    && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent quoteattr
COPY --from=build /opt/venv /opt/venv
WORKDIR /app
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    QUOTEATTR_MODELS=/models \
    QUOTEATTR_HOST=[::] \
    QUOTEATTR_PORT=50051 \
    QUOTEATTR_METRICS_PORT=9464 \
    QUOTEATTR_HTTP_PORT=8080 \
    QUOTEATTR_LOG_LEVEL=INFO
EXPOSE 50051 8080 9464
USER 10001:10001
# SERVING only once the models are loaded and warmed up (a few seconds; more on a slow disk).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD quoteattr health --target "localhost:${QUOTEATTR_PORT}" --timeout 4 || exit 1
ENTRYPOINT ["quoteattr-server"]

# --- bundled: the models copied in, read-only to the server (build context "models") ---------
FROM base AS bundled
COPY --from=models . /models

# --- runtime (the default target): the models mounted at $QUOTEATTR_MODELS -------------------
FROM base AS runtime
