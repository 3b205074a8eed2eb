import { randomBytes } from 'node:crypto';
import type { NatsConnection } from '@nats-io/transport-node';
import {
  jetstream,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import {
  AUDIT_STREAM,
  AUDIT_SUBJECT_PREFIX,
  auditSubject,
  indexInRequest,
  requestKeyOf,
  isDecisionRecord,
  type AuditRecord,
  type AuditedRecord,
  type ChainedRecord,
} from '@octroi/contracts';
import { OctroiError } from '../errors.ts';
import { ensureStream, storeTimeoutMs, withinAttempt, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import { ChainWriter, type AuditEntry } from './chain.ts';
import type { AuditLog } from './types.ts';

const NANOS_PER_MS = 1_000_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new OctroiError('unavailable', 'The decision could not be recorded: the store is out of reach')),
      ms,
    );
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

interface Waiting {
  entry: AuditEntry;
  resolve(records: ChainedRecord[]): void;
  reject(err: Error): void;
}

export interface JetStreamAuditOptions {
  /** Names this process's chain (`<writer>-<random>`): one chain per running replica. */
  writer?: string;
  log?: Logger;
  /** How long a message id is remembered: a publish retried within it is stored once. */
  duplicateWindowMs?: number;
}

/**
 * The audit log on NATS JetStream: stream `OCTROI_AUDIT`, file storage, one message per request on
 * `octroi.v1.audit.requests.<request key>` (the request key is hex, so subjects never collide), holding every
 * decision of the request. A decision is read back from its id alone: its request key names the subject, its last
 * four hex digits its place in the message.
 *
 * Each replica keeps its own hash chain, linked when `append` is called, and publishes its entries in chain order
 * on its one connection. An entry whose publish failed (the server restarting) is sent again under the same message
 * id until the server has it, so the chain never has a hole where a later record was stored; `append` resolves
 * only once the server has acknowledged the entry.
 */
export class JetStreamAuditLog implements AuditLog {
  readonly kind = 'jetstream' as const;
  private readonly queue: Waiting[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** Entries linked but not yet acknowledged, by request key. */
  private readonly unstored = new Map<string, Promise<ChainedRecord[]>>();
  private giveUpAt = Number.POSITIVE_INFINITY;

  private constructor(
    private readonly connection: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly chain: ChainWriter,
    private readonly log: Logger | undefined,
  ) {}

  static async open(connection: NatsConnection, options: JetStreamAuditOptions = {}) {
    // As many copies as every stream keeps (`jetStreamReplicas`).
    const jsm = await ensureStream(
      connection,
      {
        name: AUDIT_STREAM,
        subjects: [`${AUDIT_SUBJECT_PREFIX}.*`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        duplicate_window: (options.duplicateWindowMs ?? 10 * 60_000) * NANOS_PER_MS,
      },
      options.log,
    );
    const chain = new ChainWriter(`${options.writer ?? 'writer'}-${randomBytes(4).toString('hex')}`);
    return new JetStreamAuditLog(connection, jetstream(connection), jsm, chain, options.log);
  }

  /**
   * Resolves once JetStream has the entry. Past STORE_TIMEOUT_MS the caller gets `unavailable` while the entry keeps
   * its place in the chain and is still sent until stored (a decision recorded but not answered); the same request
   * appended again meanwhile waits for that same entry instead of being linked twice.
   */
  append<R extends AuditedRecord>(decisions: R[]): Promise<Array<R & ChainedRecord>> {
    if (this.closed) return Promise.reject(new Error('The audit log is closed'));
    const request = requestKeyOf(decisions[0]!.decisionId);
    let stored = this.unstored.get(request);
    if (!stored) {
      const entry = this.chain.link(decisions);
      stored = new Promise<ChainedRecord[]>((resolve, reject) => {
        this.queue.push({ entry, resolve, reject });
        this.flushing ??= this.flush();
      }).finally(() => this.unstored.delete(request));
      stored.catch(() => undefined);
      this.unstored.set(request, stored);
    }
    return withDeadline(stored as Promise<Array<R & ChainedRecord>>, storeTimeoutMs());
  }

  /** Publishes what waits, in chain order, pipelined on the connection; what failed goes first in the next round. */
  private async flush() {
    for (let failures = 0; ;) {
      // A closed connection never opens again: what still waits can never be stored through it.
      if (this.connection.isClosed())
        for (const waiting of this.queue.splice(0))
          waiting.reject(
            new OctroiError('unavailable', 'The audit log lost its connection before this entry was stored'),
          );
      if (this.queue.length === 0 || (failures > 0 && Date.now() >= this.giveUpAt)) {
        // In the same turn as the check: an entry appended from now on starts a new flush.
        this.flushing = undefined;
        return;
      }
      const round = this.queue.splice(0);
      const acks = await Promise.allSettled(
        round.map(({ entry }) =>
          this.js.publish(auditSubject(entry.request), JSON.stringify(entry), { msgID: entry.request }),
        ),
      );
      const failed = round.filter((waiting, index) => {
        const ack = acks[index]!;
        if (ack.status === 'fulfilled') waiting.resolve(waiting.entry.records);
        return ack.status === 'rejected';
      });
      if (failed.length === 0) {
        failures = 0;
        continue;
      }
      this.queue.unshift(...failed);
      failures++;
      const reason = String((acks.find((ack) => ack.status === 'rejected') as PromiseRejectedResult).reason);
      this.log?.warn({ entries: failed.length, reason }, 'audit entries not stored yet: sending them again');
      await sleep(Math.min(50 * 2 ** failures, 2000));
    }
  }

  /**
   * The decisions of a request. One this process is still sending is waited for (up to STORE_TIMEOUT_MS), not
   * reported missing: a request it does not find is not stored and will not be by this process.
   */
  async request(decisionId: string): Promise<AuditRecord[] | undefined> {
    const sending = this.unstored.get(requestKeyOf(decisionId));
    if (sending) return (await withDeadline(sending, storeTimeoutMs())).filter(isDecisionRecord);
    // A store out of reach is asked again until STORE_TIMEOUT_MS, then fails `unavailable`, never a false "not found".
    const message = await withStorageRetry('The decision could not be read', (ms) =>
      withinAttempt(
        ms,
        this.jsm.streams.getMessage(AUDIT_STREAM, { last_by_subj: auditSubject(requestKeyOf(decisionId)) }),
      ),
    );
    return message?.json<AuditEntry>().records.filter(isDecisionRecord);
  }

  async get(decisionId: string) {
    const record = (await this.request(decisionId))?.[indexInRequest(decisionId)];
    return record?.decisionId === decisionId ? record : undefined;
  }

  async *entries(): AsyncGenerator<{ entry: AuditEntry; where: string }> {
    const info = await this.jsm.streams.info(AUDIT_STREAM);
    if (info.state.messages === 0) return;
    const consumer = await this.js.consumers.get(AUDIT_STREAM);
    const messages = await consumer.consume();
    for await (const message of messages) {
      yield { entry: message.json<AuditEntry>(), where: `message ${message.seq}` };
      if (message.info.pending === 0) break;
    }
    await messages.close();
  }

  async storageProblems() {
    const { state } = await this.jsm.streams.info(AUDIT_STREAM);
    const problems: string[] = [];
    if (state.messages > 0 && state.first_seq > 1)
      problems.push(`the first ${state.first_seq - 1} messages of ${AUDIT_STREAM} were removed`);
    const expected = state.messages > 0 ? state.last_seq - state.first_seq + 1 : 0;
    if (state.messages !== expected)
      problems.push(`${expected - state.messages} messages of ${AUDIT_STREAM} were deleted`);
    return problems;
  }

  /** Waits (up to `graceMs`) for the entries still being sent, then refuses new ones. */
  async close(graceMs = 5000) {
    this.closed = true;
    this.giveUpAt = Date.now() + graceMs;
    await this.flushing;
    for (const waiting of this.queue.splice(0))
      waiting.reject(new Error('The audit log closed before this entry was stored'));
  }
}
