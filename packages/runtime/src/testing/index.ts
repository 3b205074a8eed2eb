export * from './servers.ts';
export * from './node-args.ts';
export * from './processes.ts';
