export type { AuditLog } from './types.ts';
export { FileAuditLog } from './file-audit-log.ts';
export { JetStreamAuditLog } from './jetstream-audit-log.ts';
