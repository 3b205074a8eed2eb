import { createServer, type Server } from 'node:http';
import type { Health } from './lifecycle.ts';
import type { Metrics } from './metrics.ts';

/**
 * A service's own small HTTP port for operations: `/metrics` for Prometheus, `/healthz` and `/readyz` for
 * orchestrators. Services speak only NATS otherwise.
 */
export function startProbeServer(port: number, metrics: Metrics, health: Health, host = '0.0.0.0'): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      void metrics.registry.metrics().then((text) => {
        res.writeHead(200, { 'content-type': metrics.registry.contentType });
        res.end(text);
      });
    } else if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else if (req.url === '/readyz') {
      void health.readiness().then((readiness) => {
        res.writeHead(readiness.ready ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(readiness));
      });
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
