export * from './servers.ts';
