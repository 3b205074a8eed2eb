#!/usr/bin/env bash
# Installs everything Octroi needs on a fresh Debian machine with Node 20 and Python 3.11.
# Idempotent: what is already there is kept. Set OCTROI_SKIP_SYSTEM=1 to leave Debian packages alone.
set -euo pipefail
cd "$(dirname "$0")/.."

need_debian=()
command -v nats-server >/dev/null || need_debian+=(nats-server)
command -v redis-server >/dev/null || need_debian+=(redis-server)
if [ "${OCTROI_WITH_BROWSER:-1}" = 1 ]; then  # everything the tests and benchmarks need beyond the servers
  command -v chromium >/dev/null || need_debian+=(chromium fonts-liberation)   # fonts: only recommended by chromium
  command -v docker-compose >/dev/null || need_debian+=(docker-compose)   # validates docker-compose.yml, no engine needed
  command -v promtool >/dev/null || need_debian+=(prometheus)             # validates the Prometheus rules
  command -v wrk >/dev/null || need_debian+=(wrk)                         # bench/serving.ts: follows servers that close every connection
fi
if [ ${#need_debian[@]} -gt 0 ] && [ "${OCTROI_SKIP_SYSTEM:-0}" != 1 ]; then
  echo "==> Debian packages: ${need_debian[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_debian[@]}" >/dev/null
fi

echo "==> Python packages (training/pyproject.toml: the training package, pytest and ruff; tests/interop/requirements.txt; deploy/requirements.txt: the Kubernetes schemas kubeconform reads)"
# A failed resolution must stop the set-up here, not surface later as missing tools.
python3 -m pip install -q --disable-pip-version-check -e 'training[dev]' -r tests/interop/requirements.txt -r deploy/requirements.txt 2>&1 | { grep -v "Running pip as the 'root' user" || true; }

# kubeconform validates the Kubernetes manifests (deploy/test/kubernetes.test.ts), built from the Go module proxy.
KUBECONFORM_VERSION=v0.8.0
# The version a built binary holds: the "mod" line of `go version -m`.
kubeconform_built=$(go version -m var/tools/kubeconform 2>/dev/null | awk '$1 == "mod" { print $3 }' || true)
if [ "${OCTROI_WITH_BROWSER:-1}" = 1 ] && [ "$kubeconform_built" != "$KUBECONFORM_VERSION" ]; then
  if command -v go >/dev/null; then
    echo "==> kubeconform $KUBECONFORM_VERSION (Go module proxy) into var/tools"
    GOBIN="$PWD/var/tools" go install "github.com/yannh/kubeconform/cmd/kubeconform@$KUBECONFORM_VERSION"
  else
    echo "==> no Go toolchain (1.26 or later): kubeconform not installed (deploy/test/kubernetes.test.ts skips its validation; under CI it fails)"
  fi
fi

# onnxruntime-node's install script fetches GPU binaries from outside the npm registry; the CPU runtime ships in the package.
export ONNXRUNTIME_NODE_INSTALL=skip
echo "==> npm packages"
npm ci --no-audit --no-fund --loglevel=error
if [ -f web/package.json ]; then
  npm ci --prefix web --no-audit --no-fund --loglevel=error
  echo "==> building the dashboard"
  npm run --prefix web build --silent
fi
