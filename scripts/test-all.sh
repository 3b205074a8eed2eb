#!/usr/bin/env bash
# Runs every test suite of Octroi and ends with one line: "N passed, N failed".
# Integration tests start their own nats-server and redis-server unless NATS_URL / REDIS_URL are given.
set -uo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip
results=$(mktemp -d)
passed=0; failed=0; broken=()

count() { # suite name, passed, failed, exit code (a count a runner did not print is 0)
  local ok=${2:-0} ko=${3:-0}
  ok=${ok//[^0-9]/}; ko=${ko//[^0-9]/}; ok=${ok:-0}; ko=${ko:-0}
  passed=$((passed + ok)); failed=$((failed + ko))
  if [ "$4" -ne 0 ] && [ "$ko" -eq 0 ]; then failed=$((failed + 1)); fi
  [ "$4" -ne 0 ] && broken+=("$1")
  echo "--- $1: $ok passed, $ko failed (exit $4)"
}

echo "=== TypeScript: build (type check, then dist/ of every package, service and script)"
npx tsc --build; rc=$?
count build $((rc == 0 ? 1 : 0)) $((rc == 0 ? 0 : 1)) $rc

echo "=== Lint: ESLint (typescript-eslint strict, type-checked), Prettier, ruff"
npm run lint --silent; rc=$?
count lint $((rc == 0 ? 1 : 0)) $((rc == 0 ? 0 : 1)) $rc

echo "=== TypeScript: unit and integration tests (node:test, real nats-server and redis-server)"
node --conditions=source --import tsx --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$results/node.tap" \
  $(ls packages/*/test/*.test.ts services/*/test/*.test.ts gateway/test/*.test.ts deploy/test/*.test.ts tests/*.test.ts 2>/dev/null); rc=$?
count node "$(grep -E '^# pass' "$results/node.tap" | awk '{print $3}')" "$(grep -E '^# fail' "$results/node.tap" | awk '{print $3}')" $rc

if ls training/tests/test_*.py >/dev/null 2>&1; then
echo "=== Python: training pipeline (pytest)"
(cd training && python3 -m pytest -q -p no:cacheprovider 2>&1) | tee "$results/pytest.txt"; rc=${PIPESTATUS[0]}
count pytest "$(grep -oE '[0-9]+ passed' "$results/pytest.txt" | tail -1 | awk '{print $1+0}')" "$(grep -oE '[0-9]+ (failed|error)' "$results/pytest.txt" | awk '{s+=$1} END {print s+0}')" $rc
fi

echo "=== Python: the ecosystem's clients against a running Octroi (OpenAPI validators, the seed's dashboard, tritonclient)"
python3 -m pytest -q -p no:cacheprovider tests/interop 2>&1 | tee "$results/interop.txt"; rc=${PIPESTATUS[0]}
count interop "$(grep -oE '[0-9]+ passed' "$results/interop.txt" | tail -1 | awk '{print $1+0}')" "$(grep -oE '[0-9]+ (failed|error)' "$results/interop.txt" | awk '{s+=$1} END {print s+0}')" $rc

if [ -f web/package.json ]; then
  echo "=== Dashboard: component tests"
  NO_COLOR=1 npm run --prefix web test --silent 2>&1 | sed -u 's/\x1b\[[0-9;]*m//g' | tee "$results/web.txt"; rc=${PIPESTATUS[0]}
  count web "$(grep -oE 'Tests +[0-9]+ passed' "$results/web.txt" | grep -oE '[0-9]+' | tail -1 | awk '{print $1+0}')" "$(grep -oE 'Tests +[0-9]+ failed' "$results/web.txt" | grep -oE '[0-9]+' | head -1 | awk '{print $1+0}')" $rc

  echo "=== Dashboard: end-to-end in Chromium against the running system"
  bash scripts/e2e.sh 2>&1 | tee "$results/e2e.txt"; rc=${PIPESTATUS[0]}
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$results/e2e.txt" | tail -1)
  count e2e "$(echo "$line" | awk '{print $1+0}')" "$(echo "$line" | awk '{print $3+0}')" $rc
fi

[ ${#broken[@]} -gt 0 ] && echo "Suites with failures: ${broken[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
