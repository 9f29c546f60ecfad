# Build, test and run the sales-order service locally.
# Needs: a JDK 21+ (found by tools/find-jdk), Maven, python3 (with venv). `make help` lists the targets.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help
MAKEFLAGS += --no-print-directory

VENV          := .venv
VENV_STAMP    := $(VENV)/.requirements.stamp
MVN           := tools/mvn -B -ntp -Dstyle.color=never
SAM           := SAM_CLI_TELEMETRY=0 AWS_DEFAULT_REGION=us-east-1 $(VENV)/bin/sam
SAM_BUILD_DIR := target/sam-build
RUNTIME_CP    := local/runtime/target/runtime.classpath
RUNTIME_MAIN  := com.miniwms.salesorders.local.LocalRuntime
# Maven's per-plugin banners; test results, warnings and errors stay.
MVN_QUIET     := sed -u -E 's/\x1b\[[0-9;]*m//g; /^\[INFO\] (--- |Building |Copying |Using |No sources|Nothing to compile|Changes detected|Compiling |Recompiling |skip non existing|Loaded |Including |Excluding |Minimized |Replacing |No tests to run|Tests are skipped|Scanning for projects|Building jar|Attaching |Dependency-reduced|Wrote classpath|Skipping |-+$$|$$|Reactor Build Order|Reactor Summary|.*\.\.\.\.\.* (SUCCESS|SKIPPED))/d; /^\[INFO\] *$$/d'
# Everything the local runtime is built from: `make run` rebuilds only when one of these changed.
RUNTIME_SOURCES := pom.xml $(shell find shared functions local -path '*/target' -prune -o -type f \
                     \( -name pom.xml -o -path '*/src/main/*' \) -print 2>/dev/null)

.PHONY: help run test build lint sam-build token bench clean distclean venv lock

help: ## List the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z-]+:.*## / { printf "  make %-10s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

venv: $(VENV_STAMP) ## Create or update the Python tools (.venv: moto, SAM CLI, cfn-lint)

$(VENV_STAMP): tools/requirements.txt tools/requirements.lock tools/setup-venv
	@echo "==> Python tools into $(VENV) (moto, SAM CLI, cfn-lint; first time takes a minute or two)"
	@tools/setup-venv
	@touch $@

build: ## Compile and package every module (tests skipped)
	@echo "==> Maven package (tests skipped)"
	@$(MVN) -q package -DskipTests

test: venv ## Unit and integration tests of every module, then the template checks (cfn-lint, sam validate, sam build)
	@echo "==> Maven verify: unit tests (Surefire) and integration tests (Failsafe, against moto)"
	@$(MVN) verify 2>&1 | $(MVN_QUIET)
	@$(MAKE) lint
	@$(MAKE) sam-build

lint: venv ## Check template.yaml with cfn-lint and sam validate --lint
	@echo "==> cfn-lint template.yaml"
	@$(VENV)/bin/cfn-lint template.yaml
	@echo "==> sam validate --lint"
	@$(SAM) validate --lint --template-file template.yaml

sam-build: venv ## sam build into target/sam-build (needs the Maven-built function jars: make build)
	@echo "==> sam build (into $(SAM_BUILD_DIR))"
	@mkdir -p target
	@if $(SAM) build --template-file template.yaml --build-dir $(SAM_BUILD_DIR) > target/sam-build.log 2>&1; then \
	    echo "sam build: OK, template and artifacts in $(SAM_BUILD_DIR)"; \
	else \
	    cat target/sam-build.log; echo "sam build failed (log: target/sam-build.log)" >&2; exit 1; \
	fi

$(RUNTIME_CP): $(RUNTIME_SOURCES)
	@echo "==> Building the local runtime"
	@$(MVN) -q package -DskipTests -pl local/runtime -am
	@touch $@

run: venv $(RUNTIME_CP) ## Start the API locally on moto with the marketplace sandbox (PORT=3000, SEED=false, SANDBOX=false, LOCAL_AUTH=on, ARGS="--help"); Ctrl-C stops it
	@java_home="$$(tools/find-jdk)"; trap 'exit 0' INT; \
	"$$java_home/bin/java" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
	    -Dproject.root="$(CURDIR)" -Dvenv.dir="$(CURDIR)/$(VENV)" \
	    -cp "local/runtime/target/local-runtime.jar:$$(cat $(RUNTIME_CP))" $(RUNTIME_MAIN) $(ARGS)

token: $(RUNTIME_CP) ## Print a JWT for `make run` with LOCAL_AUTH=on (LOCAL_JWT_SECRET; SCOPES="sales-orders/read")
	@java_home="$$(tools/find-jdk)"; \
	"$$java_home/bin/java" -Dproject.root="$(CURDIR)" \
	    -cp "local/runtime/target/local-runtime.jar:$$(cat $(RUNTIME_CP))" com.miniwms.salesorders.local.LocalJwt $(SCOPES)

bench: venv ## Benchmarks: cold start, warm requests, artifact sizes, marketplace sync (ARGS="--runs 5 --warm-iterations 2000"), workbook import (IMPORT_ARGS="--runs 5")
	@bench/run.sh $(ARGS)
	@bench/run-import.sh $(IMPORT_ARGS)

lock: ## Re-pin tools/requirements.lock from a fresh install of tools/requirements.txt
	@rm -rf target/lock-venv && mkdir -p target
	@python3 -m venv target/lock-venv
	@target/lock-venv/bin/pip install --disable-pip-version-check --quiet -r tools/requirements.txt
	@{ sed -n '1,2p' tools/requirements.lock; target/lock-venv/bin/pip freeze; } > tools/requirements.lock.new
	@mv tools/requirements.lock.new tools/requirements.lock && rm -rf target/lock-venv
	@echo "tools/requirements.lock updated"

clean: ## Remove build output (Maven targets, sam build, logs); keeps .venv
	@rm -rf target .aws-sam
	@find . -path ./$(VENV) -prune -o -name target -type d -prune -exec test -f '{}/../pom.xml' ';' -exec rm -rf '{}' +
	@echo "clean: build output removed"

distclean: clean ## Also remove the Python tools (.venv)
	@rm -rf $(VENV)
