export * from './servers.ts';
export * from './node-args.ts';
export * from './processes.ts';
export * from './otlp-receiver.ts';
