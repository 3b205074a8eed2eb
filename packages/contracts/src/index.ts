export * from './envelope.ts';
export * from './common.ts';
export * from './application.ts';
export * from './scoring.ts';
export * from './clients.ts';
export * from './explain.ts';
export * from './http.ts';
export * from './seed.ts';
export * from './inference-v2.ts';
export * from './seed.ts';
export * from './audit.ts';
export * from './errors.ts';
export * from './policy.ts';
export * from './intake/index.ts';
export * from './schema-names.ts';
export * from './monitoring.ts';
export * from './officer.ts';
export * from './models.ts';
export * from './batches.ts';
export * from './batch-records.ts';

import { scoring } from './scoring.ts';
import { clients } from './clients.ts';
import { explain } from './explain.ts';
import { monitoring } from './monitoring.ts';

/** Every endpoint on the bus, by service. */
export const endpoints = { scoring, clients, explain, monitoring } as const;
