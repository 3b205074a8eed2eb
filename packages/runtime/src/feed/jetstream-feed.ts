import type { NatsConnection } from '@nats-io/transport-node';
import {
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  RetentionPolicy,
  StorageType,
  type JetStreamClient,
  type JetStreamManager,
} from '@nats-io/jetstream';
import { FEED_SUBJECT_PREFIX, MONITORING_STREAM, feedSubject, type FeedKind } from '@octroi/contracts';
import { ensureStream } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import { FEED_RETENTION_MS, type FeedListener, type Following, type MonitoringFeed } from './types.ts';

const NANOS_PER_MS = 1_000_000;

export interface JetStreamFeedOptions {
  /** Oldest events are dropped beyond this size (MONITORING_FEED_MAX_BYTES, default 2 GiB). */
  maxBytes?: number;
}

/**
 * The monitoring feed on JetStream: stream OCTROI_MONITORING, file storage, eight days, bounded in size, as many
 * copies as every stream keeps (`jetStreamReplicas`).
 */
export class JetStreamFeed implements MonitoringFeed {
  readonly kind = 'jetstream' as const;

  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly log: Logger,
  ) {}

  static async open(connection: NatsConnection, log: Logger, options: JetStreamFeedOptions = {}) {
    const jsm = await ensureStream(
      connection,
      {
        name: MONITORING_STREAM,
        subjects: [`${FEED_SUBJECT_PREFIX}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.Old,
        max_age: FEED_RETENTION_MS * NANOS_PER_MS,
        max_bytes: options.maxBytes ?? 2 * 1024 ** 3,
      },
      log,
    );
    return new JetStreamFeed(jetstream(connection), jsm, log);
  }

  async publish<K extends FeedKind>(kind: K, event: unknown) {
    await this.js.publish(feedSubject(kind), JSON.stringify(event));
  }

  async follow(sinceMs: number, listener: FeedListener): Promise<Following> {
    const { state } = await this.jsm.streams.info(MONITORING_STREAM);
    const lastAtStart = state.messages > 0 && Date.parse(state.last_ts) >= sinceMs ? state.last_seq : 0;
    let caught!: () => void;
    const caughtUp = new Promise<void>((resolve) => (caught = resolve));
    if (lastAtStart === 0) caught();

    const consumer = await this.js.consumers.get(MONITORING_STREAM, {
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(sinceMs).toISOString(),
    });
    const messages = await consumer.consume();
    const reading = (async () => {
      for await (const message of messages) {
        const kind = message.subject.slice(FEED_SUBJECT_PREFIX.length + 1) as FeedKind;
        try {
          listener(kind, message.json());
        } catch (err) {
          this.log.warn({ err, kind, seq: message.seq }, 'a monitoring event could not be read: skipped');
        }
        if (message.seq >= lastAtStart) caught();
      }
    })();
    return {
      caughtUp,
      async stop() {
        await messages.close();
        await reading;
      },
    };
  }

  async close() {}
}
