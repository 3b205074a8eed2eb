export * from './servers.ts';
export * from './node-args.ts';
