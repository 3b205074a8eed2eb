#!/usr/bin/env bash
# Runs every test suite of Octroi and ends with one line: "N passed, N failed".
# Integration tests start their own nats-server and redis-server unless NATS_URL / REDIS_URL are given.
#
# The terminal shows test names, each suite's wall time and the summary. Everything the tests and the services they
# start print goes to test-artifacts/logs/<run>/ (a failing node test shows its file's last log lines).
# Each suite has a time budget: a suite that outlives it is stopped with whatever it started, and counts as failed,
# so one hung suite cannot take the whole run with it. Tests that could not run (e.g. without the real sample
# data) are listed by name before the summary.
#
#   bash scripts/test-all.sh [suite...]    (suites: build lint node pytest interop web e2e; all by default)
set -uo pipefail
cd "$(dirname "$0")/.."
export ONNXRUNTIME_NODE_INSTALL=skip
logs=${OCTROI_TEST_LOGS:-test-artifacts/logs/$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$logs"
logs=$(cd "$logs" && pwd)
passed=0; failed=0; broken=(); suite_pid=
only=" $* "
wanted() { [ "$only" = "  " ] || [[ "$only" == *" $1 "* ]]; }

# NODE_TEST_FILES (space-separated) runs some node test files only.
# A test file of the node suite is stopped after this long (on Node 20 the runner's --test-timeout bounds each file
# as a whole); the slowest files, the fault tests on real processes, take about a minute on two cores.
NODE_TEST_FILE_TIMEOUT_MS=${NODE_TEST_FILE_TIMEOUT_MS:-300000}

count() { # suite name, passed, failed, exit code (a count a runner did not print is 0)
  local ok=${2:-0} ko=${3:-0}
  ok=${ok//[^0-9]/}; ko=${ko//[^0-9]/}; ok=${ok:-0}; ko=${ko:-0}
  passed=$((passed + ok)); failed=$((failed + ko))
  if [ "$4" -ne 0 ] && [ "$ko" -eq 0 ]; then failed=$((failed + 1)); fi
  [ "$4" -ne 0 ] && broken+=("$1")
  echo "--- $1: $ok passed, $ko failed (exit $4, ${seconds}s)"
}

# run_suite NAME BUDGET COMMAND...: runs COMMAND with its output in $logs/NAME.txt, shown as it comes; sets rc and
# seconds. `timeout` leads a process group of its own: past BUDGET the whole group is stopped, and once the command
# is done, whatever it left running in that group is killed.
run_suite() {
  local name=$1 budget=$2 start=$SECONDS
  shift 2
  : > "$logs/$name.txt"
  timeout --kill-after=20 "$budget" "$@" < /dev/null > "$logs/$name.txt" 2>&1 &
  suite_pid=$!
  tail -n +1 -f --pid="$suite_pid" "$logs/$name.txt" &
  local shown=$!
  wait "$suite_pid"; rc=$?
  wait "$shown"
  kill -KILL -- "-$suite_pid" 2>/dev/null
  suite_pid=
  seconds=$((SECONDS - start))
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then echo "!!! $name was stopped: still running after ${budget}"; fi
  return 0
}
trap '[ -n "$suite_pid" ] && kill -TERM -- "-$suite_pid" 2>/dev/null; exit 130' INT TERM

if wanted build; then
  echo "=== TypeScript: build (type check, then dist/ of every package, service and script)"
  run_suite build 10m npx tsc --build
  count build $((rc == 0 ? 1 : 0)) $((rc == 0 ? 0 : 1)) $rc
fi

if wanted lint; then
  echo "=== Lint: ESLint (typescript-eslint strict, type-checked), Prettier, ruff"
  run_suite lint 10m npm run lint --silent
  count lint $((rc == 0 ? 1 : 0)) $((rc == 0 ? 0 : 1)) $rc
fi

if wanted node; then
  echo "=== TypeScript: unit and integration tests (node:test, real nats-server and redis-server)"
  export OCTROI_TEST_LOG="$logs/node-full.txt" OCTROI_TEST_NOT_RUN="$logs/node-not-run.txt"
  files=${NODE_TEST_FILES:-$(ls packages/*/test/*.test.ts services/*/test/*.test.ts gateway/test/*.test.ts deploy/test/*.test.ts bench/test/*.test.ts tests/*.test.ts 2>/dev/null)}
  # shellcheck disable=SC2086 # one file a word
  run_suite node 25m node --conditions=source --import tsx --test --test-concurrency=1 \
    --test-timeout="$NODE_TEST_FILE_TIMEOUT_MS" --test-force-exit \
    --test-reporter=./scripts/quiet-reporter.mjs --test-reporter-destination=stdout \
    $files
  # One line per test, written as it ends: "  ✔ name" passed, "  ✖ name" failed (a file that did not end included).
  count node "$(grep -c '^  ✔ ' "$logs/node.txt")" "$(grep -c '^  ✖ ' "$logs/node.txt")" $rc
fi

if wanted pytest && ls training/tests/test_*.py >/dev/null 2>&1; then
  echo "=== Python: training pipeline (pytest)"
  run_suite pytest 10m bash -c 'cd training && python3 -m pytest -q -p no:cacheprovider'
  count pytest "$(grep -oE '[0-9]+ passed' "$logs/pytest.txt" | tail -1 | awk '{print $1+0}')" "$(grep -oE '[0-9]+ (failed|error)' "$logs/pytest.txt" | awk '{s+=$1} END {print s+0}')" $rc
fi

if wanted interop; then
  echo "=== Python: the ecosystem's clients against a running Octroi (OpenAPI validators, the seed's dashboard, tritonclient)"
  run_suite interop 8m python3 -m pytest -q -p no:cacheprovider tests/interop
  count interop "$(grep -oE '[0-9]+ passed' "$logs/interop.txt" | tail -1 | awk '{print $1+0}')" "$(grep -oE '[0-9]+ (failed|error)' "$logs/interop.txt" | awk '{s+=$1} END {print s+0}')" $rc
fi

if wanted web && [ -f web/package.json ]; then
  echo "=== Dashboard: component tests"
  run_suite web 8m env NO_COLOR=1 npm run --prefix web test --silent
  sed -i 's/\x1b\[[0-9;]*m//g' "$logs/web.txt"
  count web "$(grep -oE 'Tests +[0-9]+ passed' "$logs/web.txt" | grep -oE '[0-9]+' | tail -1 | awk '{print $1+0}')" "$(grep -oE 'Tests +[0-9]+ failed' "$logs/web.txt" | grep -oE '[0-9]+' | head -1 | awk '{print $1+0}')" $rc
fi

if wanted e2e && [ -f web/package.json ]; then
  echo "=== Dashboard: end-to-end in Chromium against the running system"
  run_suite e2e 15m env OCTROI_TEST_LOGS="$logs" bash scripts/e2e.sh
  line=$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$logs/e2e.txt" | tail -1)
  count e2e "$(echo "$line" | awk '{print $1+0}')" "$(echo "$line" | awk '{print $3+0}')" $rc
fi

not_run=$(grep -h '^NOT RUN ' "$logs"/*.txt 2>/dev/null)
if [ -n "$not_run" ]; then
  echo "Not run ($(echo "$not_run" | wc -l)):"
  echo "$not_run" | sed 's/^NOT RUN /  /'
fi
echo "Logs of this run: $logs"
[ ${#broken[@]} -gt 0 ] && echo "Suites with failures: ${broken[*]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
