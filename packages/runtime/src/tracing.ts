/**
 * OpenTelemetry traces: one span per HTTP request at the gateway, one per bus request on the caller's side and one per
 * handled request on the service's side, linked by W3C Trace Context (`traceparent`, `tracestate`) carried in the
 * NATS headers (in process, beside the message). Exported over OTLP/HTTP when OTEL_EXPORTER_OTLP_ENDPOINT (or
 * OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) is set, in protobuf unless OTEL_EXPORTER_OTLP(_TRACES)_PROTOCOL says http/json.
 * Unset, nothing is created at all: every tracing step starts with `tracerOf()` answering undefined.
 *
 * Spans are passed explicitly (no global context manager): the bus carries the caller's span as a `Traced`.
 */
import { hostname } from 'node:os';
import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Span,
  type TextMapGetter,
  type TextMapSetter,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter as OtlpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OtlpProtobufExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { envString } from './config.ts';

/** The headers of W3C Trace Context, as they travel with a bus message. */
export type TraceHeaders = Partial<Record<'traceparent' | 'tracestate', string>>;

/** A caller's tracing: its tracer, and the span its requests are made under. */
export interface Traced {
  tracer: Tracer;
  context: Context;
}

const propagator = new W3CTraceContextPropagator();
const toHeaders: TextMapSetter<TraceHeaders> = {
  set: (carrier, key, value) => void (carrier[key as keyof TraceHeaders] = value),
};
/** Reads the headers from any carrier that has a `get` (NATS headers, HTTP headers wrapped in one). */
const fromGetter: TextMapGetter<{ get(key: string): string | undefined }> = {
  get: (carrier, key) => carrier.get(key),
  keys: () => ['traceparent', 'tracestate'],
};

let enabled: boolean | undefined;
/** Whether traces are exported: an OTLP endpoint is configured (read once, from the process's environment). */
export function tracingEnabled(): boolean {
  enabled ??= Boolean(envString('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT') ?? envString('OTEL_EXPORTER_OTLP_ENDPOINT'));
  return enabled;
}

const providers = new Map<string, BasicTracerProvider>();

/**
 * The tracer of one component (`gateway`, `scoring`, ...), its spans exported as the service of that name; one per
 * component even when several share a process (the embedded mode). Undefined when tracing is off.
 */
export function tracerOf(component: string): Tracer | undefined {
  if (!tracingEnabled()) return undefined;
  let provider = providers.get(component);
  if (!provider) {
    provider = new BasicTracerProvider({
      resource: resourceFromAttributes({
        'service.name': component,
        'service.namespace': 'octroi',
        'service.instance.id': `${hostname()}:${process.pid}`,
      }),
      spanProcessors: [new BatchSpanProcessor(exporter())],
    });
    providers.set(component, provider);
  }
  return provider.getTracer('octroi');
}

function exporter() {
  const protocol =
    envString('OTEL_EXPORTER_OTLP_TRACES_PROTOCOL') ?? envString('OTEL_EXPORTER_OTLP_PROTOCOL') ?? 'http/protobuf';
  return protocol === 'http/json' ? new OtlpJsonExporter() : new OtlpProtobufExporter();
}

/** Sends every span still buffered; at shutdown. */
export async function flushTraces(): Promise<void> {
  await Promise.all([...providers.values()].map((provider) => provider.forceFlush()));
}

/** The parent a request arrived with (W3C headers), or none: a span started under it begins its own trace. */
export function contextFrom(headers: { get(key: string): string | undefined } | undefined): Context {
  return headers ? propagator.extract(ROOT_CONTEXT, headers, fromGetter) : ROOT_CONTEXT;
}

/** Starts a span under `parent`; its context is the parent of whatever it asks next. */
export function startSpan(
  { tracer, context }: Traced,
  name: string,
  kind: SpanKind,
  attributes: Attributes,
): { span: Span; traced: Traced } {
  const span = tracer.startSpan(name, { kind, attributes }, context);
  return { span, traced: { tracer, context: trace.setSpan(context, span) } };
}

/** The W3C headers naming a span as the parent of what receives them. */
export function headersOf(traced: Traced): TraceHeaders {
  const headers: TraceHeaders = {};
  propagator.inject(traced.context, headers, toHeaders);
  return headers;
}

/** Ends a span, as failed when `error` names a code (the Octroi error code) or carries a message. */
export function endSpan(span: Span, error?: { code?: string; message?: string }) {
  if (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
    if (error.code) span.setAttribute('octroi.error.code', error.code);
  }
  span.end();
}

export { SpanKind };
