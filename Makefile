# Octroi: `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help
DATA ?= ../shared/data/home-credit
OUT ?= models/home-credit-generated
N ?= 20000
N_TEST ?= 5000
SEED ?= 42
TRAINED_ON ?= home-credit
export ONNXRUNTIME_NODE_INSTALL := skip

## Show this help
help:
	@awk '/^## /{doc=substr($$0,4)} /^[a-z][a-z-]+:/{if(doc){sub(":.*","",$$1); printf "  make %-16s %s\n",$$1,doc}; doc=""}' $(MAKEFILE_LIST)

## Install what is missing (Debian packages, Python and npm packages), build the dashboard
install:
	bash scripts/setup.sh

## Install, then run the whole system on embedded defaults with the shipped model (prints the URL)
run:
	OCTROI_WITH_BROWSER=0 bash scripts/setup.sh
	npm start

## Install, then run gateway and services as separate processes on local nats-server (NATS=3: a cluster) and redis-server
run-distributed:
	OCTROI_WITH_BROWSER=0 bash scripts/setup.sh
	npm run start:distributed -- --nats $${NATS:-1} --scoring $${SCORING:-1} --clients $${CLIENTS:-1} --explain $${EXPLAIN:-1}

## Install, then run every test suite (TypeScript, Python, dashboard, end to end)
test:
	bash scripts/setup.sh
	npm test

## Install Python packages only: the training package (editable) with its test and lint tools
install-python:
	python3 -m pip install -q -e 'training[dev]'

## Install the Python packages of the serving benchmark's baseline (flask, gunicorn)
install-bench:
	python3 -m pip install -q -e 'training[bench]'

## Run the Python tests only
test-python:
	cd training && python3 -m pytest -q

## Lint and format check of every Python file (ruff, configured in ruff.toml)
lint-python:
	ruff check && ruff format --check

## Generate Home-Credit-shaped data: make generate-data OUT=<folder> N=<applicants>
generate-data:
	cd training && python3 -m octroi_training.generate --out $(abspath $(OUT)) --n $(N) --n-test $(N_TEST) --seed $(SEED)

## Train and export a model bundle: make train DATA=<folder of Home Credit CSVs> OUT=<bundle folder> [TRAINED_ON=generated]
train:
	cd training && python3 -m octroi_training.train --data $(abspath $(DATA)) --out $(abspath $(OUT)) --trained-on $(TRAINED_ON)

## Rebuild the shipped bundle from generated data (seeded)
shipped-model:
	$(MAKE) generate-data OUT=var/generated N=$(N) N_TEST=$(N_TEST)
	$(MAKE) train DATA=var/generated OUT=models/home-credit-generated TRAINED_ON=generated

.PHONY: help install run run-distributed test install-python install-bench test-python lint-python generate-data train shipped-model
