import type { NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { AUDIT_STREAM, AUDIT_SUBJECT_PREFIX, auditSubject, type AuditRecord } from '@octroi/contracts';
import { ensureStream, orUnavailable, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import type { AuditLog } from './types.ts';

const NANOS_PER_MS = 1_000_000;

/**
 * The audit log on NATS JetStream: file storage, one subject per decision, as many copies as every stream keeps
 * (`jetStreamReplicas`). `append` resolves when the server has acknowledged the stored message; the message id is
 * the decision id, so a retried request within the de-duplication window is stored once. A store out of reach
 * fails `unavailable`, never a false "not found".
 */
export class JetStreamAuditLog implements AuditLog {
  readonly kind = 'jetstream' as const;

  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
  ) {}

  static async open(connection: NatsConnection, options: { duplicateWindowMs?: number; log?: Logger } = {}) {
    const jsm = await ensureStream(
      connection,
      {
        name: AUDIT_STREAM,
        subjects: [`${AUDIT_SUBJECT_PREFIX}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: (options.duplicateWindowMs ?? 10 * 60_000) * NANOS_PER_MS,
      },
      options.log,
    );
    return new JetStreamAuditLog(jetstream(connection), jsm);
  }

  async append(records: AuditRecord[]): Promise<void> {
    await withStorageRetry('The decision could not be recorded', (timeout) =>
      Promise.all(
        records.map((record) =>
          this.js.publish(auditSubject(record.decisionId), JSON.stringify(record), {
            msgID: record.decisionId,
            timeout,
          }),
        ),
      ),
    );
  }

  async get(decisionId: string): Promise<AuditRecord | undefined> {
    const message = await orUnavailable('The decision could not be read', () =>
      this.jsm.streams.getMessage(AUDIT_STREAM, { last_by_subj: auditSubject(decisionId) }),
    );
    return message?.json<AuditRecord>();
  }

  /** Every stored decision, oldest first (for audits and tests). */
  async *all(): AsyncGenerator<AuditRecord> {
    const info = await this.jsm.streams.info(AUDIT_STREAM);
    for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
      const message = await this.jsm.streams.getMessage(AUDIT_STREAM, { seq });
      if (message) yield message.json<AuditRecord>(); // a deleted message leaves a gap in the sequence
    }
  }

  async close() {}
}
