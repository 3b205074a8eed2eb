export type { AuditLog } from './types.ts';
export { ChainVerifier, ChainWriter, GENESIS, digestOf, type AuditEntry, type VerifyReport } from './chain.ts';
export { FileAuditLog, readAuditFile } from './file-audit-log.ts';
export { JetStreamAuditLog } from './jetstream-audit-log.ts';
