// Container health check: exit 0 when the process says it is ready, 1 otherwise.
// The slim Node image has neither curl nor wget, and Node has fetch, so the check is Node itself.
// A service answers /readyz on its probe port (METRICS_PORT); the gateway, which has none, on its HTTP port (PORT).
const port = process.env.METRICS_PORT || process.env.PORT || '8080';

try {
  const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
  process.exit(response.ok ? 0 : 1);
} catch {
  process.exit(1);
}
