export * from './bus/index.ts';
export * from './cache/index.ts';
export * from './errors.ts';
export * from './logger.ts';
export * from './metrics.ts';
export * from './lifecycle.ts';
export * from './config.ts';
export * from './runtime.ts';
export { startProbeServer } from './probe-server.ts';
