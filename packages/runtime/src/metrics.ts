import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus registry. In embedded mode every service and the gateway share one
 * process, so metrics carry a `service` label instead of relying on the process to tell them apart.
 */
export class Metrics {
  readonly registry = new Registry();
  readonly handled: Counter<'service' | 'subject' | 'code'>;
  readonly handleSeconds: Histogram<'service' | 'subject'>;
  readonly requested: Counter<'subject' | 'outcome'>;
  readonly requestSeconds: Histogram<'subject'>;
  readonly cache: Counter<'cache' | 'result'>;
  readonly modelInfo: Gauge<'service' | 'version'>;
  readonly inFlight: Gauge<'service'>;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpSeconds: Histogram<'method' | 'route'>;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    const buckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
    this.handled = new Counter({
      name: 'octroi_handled_total',
      help: 'Bus requests handled by a service, by reply code',
      labelNames: ['service', 'subject', 'code'],
      registers,
    });
    this.handleSeconds = new Histogram({
      name: 'octroi_handle_duration_seconds',
      help: 'Time a service spent on a request',
      labelNames: ['service', 'subject'],
      buckets,
      registers,
    });
    this.requested = new Counter({
      name: 'octroi_bus_requests_total',
      help: 'Bus requests sent, by outcome',
      labelNames: ['subject', 'outcome'],
      registers,
    });
    this.requestSeconds = new Histogram({
      name: 'octroi_bus_request_duration_seconds',
      help: 'Round trip of bus requests as the caller sees it',
      labelNames: ['subject'],
      buckets,
      registers,
    });
    this.cache = new Counter({
      name: 'octroi_cache_operations_total',
      help: 'Cache look-ups by result (hit, miss, error)',
      labelNames: ['cache', 'result'],
      registers,
    });
    this.modelInfo = new Gauge({
      name: 'octroi_model_info',
      help: 'Model version a service has loaded (value 1)',
      labelNames: ['service', 'version'],
      registers,
    });
    this.httpRequests = new Counter({
      name: 'octroi_http_requests_total',
      help: 'HTTP requests answered by the gateway, by route and status',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpSeconds = new Histogram({
      name: 'octroi_http_request_duration_seconds',
      help: 'Time the gateway took to answer',
      labelNames: ['method', 'route'],
      buckets,
      registers,
    });
    this.inFlight = new Gauge({
      name: 'octroi_in_flight_requests',
      help: 'Requests a service is handling now',
      labelNames: ['service'],
      registers,
    });
  }
}

let shared: Metrics | undefined;
/** One registry per process, so the default metrics are registered once. */
export function processMetrics(): Metrics {
  shared ??= new Metrics();
  return shared;
}
