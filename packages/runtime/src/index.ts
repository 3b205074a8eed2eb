export * from './bus/index.ts';
export * from './cache/index.ts';
export * from './audit/index.ts';
export * from './feed/index.ts';
export * from './objects/index.ts';
export * from './work-queue/index.ts';
export * from './jetstream/index.ts';
export * from './store/index.ts';
export * from './errors.ts';
export * from './logger.ts';
export * from './metrics.ts';
export * from './lifecycle.ts';
export * from './config.ts';
export * from './runtime.ts';
export { startProbeServer } from './probe-server.ts';
export { leaveQueueGroupWhileStalled, watchEventLoop, type StallWatchOptions } from './stall-watch.ts';
export {
  followModelRoles,
  modelSwitchRecorder,
  ServedModels,
  type FollowOptions,
  type Served,
  type ServedModelsOptions,
} from './served-models.ts';
export {
  contextFrom,
  endSpan,
  flushTraces,
  SpanKind,
  startSpan,
  tracerOf,
  tracingEnabled,
  type Traced,
  type TraceHeaders,
} from './tracing.ts';
