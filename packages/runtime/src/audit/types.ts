import type { AuditedRecord, AuditRecord, ChainedRecord } from '@octroi/contracts';
import type { AuditEntry } from './chain.ts';

/**
 * Where every decision acknowledged to a client is kept. One request's decisions are one entry (one JetStream
 * message, one line of the file), linked into the hash chain of the process that writes them.
 */
export interface AuditLog {
  readonly kind: 'jetstream' | 'file';
  /**
   * Appends one request's records (ids from one `decisionIds(n)` call, in order): its decisions, or a change of the
   * models; resolves once they are durable.
   */
  append<R extends AuditedRecord>(records: R[]): Promise<Array<R & ChainedRecord>>;
  /** A decision by its id (undefined for another kind of record). */
  get(decisionId: string): Promise<AuditRecord | undefined>;
  /**
   * Every decision of the request that `decisionId` belongs to, in order (to answer a replayed request). A request this
   * process is still appending is waited for: undefined means it is not stored and this process will not store it.
   */
  request(decisionId: string): Promise<AuditRecord[] | undefined>;
  /** Every entry as stored, oldest first, with where it is (for `npm run audit`). */
  entries(): AsyncIterable<{ entry: AuditEntry; where: string }>;
  /** Faults the storage itself shows (a message deleted from the stream), beyond what the chains show. */
  storageProblems(): Promise<string[]>;
  close(): Promise<void>;
}
