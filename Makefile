# quoteattr: `make run` serves on the bundled models, `make test` runs the whole suite.
# Both create the virtualenv and generate the gRPC stubs first when needed.

VENV ?= .venv
PYTHON ?= $(shell command -v python3.11 2>/dev/null || command -v python3)
# The commercially usable models (newscc, CC BY-SA 4.0); MODELS=../shared/models/stanza-en
# selects the research ones (newsmix, CC BY-NC-SA 4.0).
MODELS ?= ../shared/models/stanza-en-cc
PORT ?= 50051
VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' client/pyproject.toml)

BIN := $(VENV)/bin
# The CPU build lies on this machine's disk; a bare `torch` requirement would pull a
# multi-GB CUDA build, so it is installed on its own, before anything that depends on it.
TORCH := torch==2.13.0
# Where torch comes from: empty here, where pip finds the CPU wheel on disk; the Dockerfile
# passes PyTorch's CPU index.
TORCH_INDEX ?=
# Two distributions: client/ (quoteattr-client: no torch, no Stanza) and service/
# (quoteattr-server, which depends on it). DEV=1 adds requirements-dev.txt (tests, linters, the
# browser test's driver); EDITABLE=-e installs both in place. The container image sets neither.
DEV ?= 1
EDITABLE ?= -e
PROTO_SRC := proto/quoteattr/v1/quoteattr.proto
# The stubs are generated into the client distribution's folder (client/generate_stubs.py).
PROTO_PY := client/quoteattr/v1/quoteattr_pb2.py
TOOLS_STAMP := $(VENV)/.tools-installed
INSTALL_STAMP := $(VENV)/.quoteattr-installed
BROWSER_STAMP := $(VENV)/.browser-installed

# `make eval FILE=...` scores a server of its own on annotated articles (errors in .eval/).
FILE ?= ../shared/eval/polnear-dev.jsonl
# The hand-annotated speakers (roles, gender, anonymity, category) go with PolNeAR dev.
ROLES ?= $(if $(filter %polnear-dev.jsonl,$(FILE)),../shared/eval/polnear-dev-roles.jsonl)
# `make eval FILE=../shared/eval/polnear-train.jsonl EVAL_ARGS="--every 8"`: a fixed sample.
EVAL_ARGS ?=

# `make bench BENCH_ARGS=--quick`: extra quoteattr-bench flags (results in .bench/).
BENCH_ARGS ?=

.PHONY: run test proto lint models clean eval tools install image bench browser bench-report

run: $(INSTALL_STAMP) proto
	$(BIN)/quoteattr-server --port $(PORT) --models $(MODELS)

test: $(INSTALL_STAMP) proto $(BROWSER_STAMP)
	$(BIN)/python -m pytest

eval: $(INSTALL_STAMP) proto
	mkdir -p .eval
	$(BIN)/quoteattr-eval $(FILE) --serve --models $(MODELS) \
		--errors .eval/errors.jsonl --json .eval/summary.json $(if $(ROLES),--roles $(ROLES)) \
		$(EVAL_ARGS)

bench: $(INSTALL_STAMP) proto
	$(BIN)/quoteattr-bench --models $(MODELS) --output .bench/results.json $(BENCH_ARGS)

# `quoteattr report` on 10,000 generated batch lines (and 4x as many: memory stays flat).
bench-report: $(INSTALL_STAMP) proto
	$(BIN)/quoteattr-report-bench --lines 10000 --scale 4

proto: $(PROTO_PY)

# Headless Chromium for the browser tests (the verification page, the report): Debian's
# package (Playwright cannot download its own browsers here), driven by Playwright's Python
# package.
browser: $(BROWSER_STAMP)

# The set-up steps on their own: the Dockerfile runs these, so `make test` exercises them.
tools: $(TOOLS_STAMP)

install: $(INSTALL_STAMP) proto

# The container image, tagged with the package's version as deploy/ refers to it (needs
# Docker; the README says how to give it the models).
image:
	docker build --target runtime -t quoteattr:$(VERSION) -t quoteattr:latest .

lint: $(INSTALL_STAMP) proto
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

models: $(TOOLS_STAMP)
	$(BIN)/pip install 'stanza==1.15.*'
	$(BIN)/python -c "import stanza; stanza.download('en', model_dir='$(MODELS)', \
		processors='tokenize,mwt,pos,lemma,depparse')"

clean:
	rm -rf $(VENV) build dist client/build service/build *.egg-info service/*.egg-info \
		client/*.egg-info client/quoteattr
	rm -rf .mypy_cache .ruff_cache .pytest_cache
	find . -path ./$(VENV) -prune -o -name __pycache__ -prune -exec rm -rf {} +

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(TOOLS_STAMP): | $(BIN)/python
	$(BIN)/pip install $(TORCH) $(if $(TORCH_INDEX),--index-url $(TORCH_INDEX))
	$(BIN)/pip install 'grpcio-tools>=1.66,<2'
	touch $@

# The stubs are regenerated whenever the .proto is newer than them.
$(PROTO_PY): $(PROTO_SRC) $(TOOLS_STAMP)
	$(BIN)/python client/generate_stubs.py

# The client first: the server depends on it, and no index has it.
$(INSTALL_STAMP): client/pyproject.toml service/pyproject.toml requirements-dev.txt \
		$(TOOLS_STAMP) | $(PROTO_PY)
	$(BIN)/pip install $(EDITABLE) './client[cli]'
	$(BIN)/pip install $(EDITABLE) ./service
	$(if $(DEV),$(BIN)/pip install -r requirements-dev.txt)
	touch $@

$(BROWSER_STAMP): $(INSTALL_STAMP)
	command -v chromium >/dev/null || { apt-get update && \
		apt-get install -y --no-install-recommends chromium; }
	touch $@
