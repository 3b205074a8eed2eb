import type { AuditRecord } from '@octroi/contracts';

/** Where every decision acknowledged to a client is kept. `append` resolves only once the record is durable. */
export interface AuditLog {
  readonly kind: 'jetstream' | 'file';
  /** Appends decisions; a record whose decisionId is already there is not written twice. */
  append(records: AuditRecord[]): Promise<void>;
  get(decisionId: string): Promise<AuditRecord | undefined>;
  close(): Promise<void>;
}
