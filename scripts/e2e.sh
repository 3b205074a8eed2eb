#!/usr/bin/env bash
# End-to-end tests of the dashboard: starts Octroi (embedded mode) on a free port with a fresh data folder, a known
# demo password and two model bundles (the shipped one, champion, and a variant of it with another threshold to
# promote and shadow), runs the browser tests in Debian's Chromium, stops Octroi.
# Arguments go to Playwright: `bash scripts/e2e.sh e2e/letter.spec.ts` runs one file.
set -uo pipefail
cd "$(dirname "$0")/.."
npx tsc --build || { echo "0 passed, 1 failed"; exit 1; }   # Octroi runs compiled, as in production
data=$(mktemp -d)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
password="e2e-$(date +%s)"
log=${OCTROI_TEST_LOGS:-$data}/octroi.log   # the system's own log: kept with the run's logs under npm test
mkdir -p "$data/models"
ln -s "$PWD/models/home-credit-generated" "$data/models/shipped"
node --conditions=source --import tsx --input-type=module -e "
  import { writeVariantBundle } from '@octroi/model-bundle/testing';
  await writeVariantBundle('models/home-credit-generated', '$data/models/variant', { version: 'variant-e2e', thresholdShift: -0.03 });
" || { echo "0 passed, 1 failed"; exit 1; }
PORT=$port OCTROI_DATA_DIR="$data" AUDIT_FILE="$data/audit.jsonl" OCTROI_DEMO_PASSWORD="$password" LOG_LEVEL=warn \
  MONITORING_PUBLISH_MS=1000 MODELS_DIR="$data/models" MODEL_DIR="$PWD/models/home-credit-generated" \
  setsid node scripts/dist/start.js > "$log" 2>&1 &
octroi=$!
trap 'kill -TERM -- -$octroi 2>/dev/null; wait $octroi 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.5
done
if ! curl -sf "http://127.0.0.1:$port/readyz" >/dev/null; then
  echo "Octroi did not become ready:"; tail -30 "$log"; echo "0 passed, 1 failed"; exit 1
fi
# An administrator for the pages that are theirs, added as operations would; the gateway reads the file again.
admin_password=$(OCTROI_DATA_DIR="$data" node gateway/dist/users-cli.js add e2e-admin --role admin --name "Camille Martin" |
  sed -n 's/.*shown only now: //p')
OCTROI_URL="http://127.0.0.1:$port" OCTROI_USER=officer OCTROI_PASSWORD="$password" \
  OCTROI_ADMIN_USER=e2e-admin OCTROI_ADMIN_PASSWORD="$admin_password" npm run --prefix web e2e --silent -- "$@"
