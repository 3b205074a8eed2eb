export * from './problems.ts';
export * from './rules.ts';
export * from './schemas.ts';
export * from './validate.ts';
export * from './example.ts';
