export * from './intake-cases.ts';
