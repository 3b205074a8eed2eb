import type { NatsConnection } from '@nats-io/transport-node';
import {
  AckPolicy,
  DeliverPolicy,
  jetstream,
  RetentionPolicy,
  StorageType,
  type Consumer,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from '@nats-io/jetstream';
import { ensureStream, isStorageOutage, withStorageRetry } from '../jetstream/index.ts';
import type { Logger } from '../logger.ts';
import { retryDelay, type Consuming, type WorkItem, type WorkQueue, type WorkQueueOptions } from './types.ts';

const NANOS_PER_MS = 1_000_000;
/** A queued item's id is remembered this long: the same item queued again within it is stored once. */
const DUPLICATE_WINDOW_MS = 10 * 60_000;
/** A consumer waiting for an item asks again after this long (and notices sooner that it was told to stop). */
const PULL_EXPIRES_MS = 2000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A work queue on JetStream: a work-queue stream (a message is deleted once acknowledged), one durable pull consumer
 * per queue shared by every replica, each message taken by one of them. A replica keeps the messages it works on
 * (`working()` while it handles them) and acknowledges only once the work is durable; killed, it acknowledges
 * nothing, and JetStream gives its messages to another replica after `ackWaitMs`.
 */
export class JetStreamWorkQueue<T> implements WorkQueue<T> {
  private constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: WorkQueueOptions & { ackWaitMs: number },
    private readonly log: Logger,
  ) {}

  static async open<T>(connection: NatsConnection, options: WorkQueueOptions, log: Logger) {
    const ackWaitMs = options.ackWaitMs ?? 30_000;
    const jsm = await ensureStream(
      connection,
      {
        name: options.stream,
        subjects: [`${options.subjectPrefix}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Workqueue,
        duplicate_window: DUPLICATE_WINDOW_MS * NANOS_PER_MS,
      },
      log,
    );
    const config = {
      durable_name: options.queue,
      filter_subject: `${options.subjectPrefix}.${options.queue}`,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: ackWaitMs * NANOS_PER_MS,
      max_deliver: -1,
      max_ack_pending: 1000,
    };
    try {
      await jsm.consumers.add(options.stream, config);
    } catch (err) {
      // Created by another replica, or with another ack wait: this replica's settings win.
      if (isStorageOutage(err)) throw err;
      await jsm.consumers.update(options.stream, options.queue, { ack_wait: config.ack_wait });
    }
    return new JetStreamWorkQueue<T>(jetstream(connection), jsm, { ...options, ackWaitMs }, log);
  }

  private get subject() {
    return `${this.options.subjectPrefix}.${this.options.queue}`;
  }

  async add(body: T, id: string): Promise<void> {
    const data = JSON.stringify(body);
    await withStorageRetry('The work could not be queued', (timeout) =>
      this.js.publish(this.subject, data, { msgID: id, timeout }),
    );
  }

  async waiting(): Promise<number> {
    const info = await withStorageRetry('The queue could not be read', () =>
      this.jsm.consumers.info(this.options.stream, this.options.queue),
    );
    return info.num_pending;
  }

  consume(handle: (item: WorkItem<T>) => Promise<void>, { concurrency = 1 } = {}): Consuming {
    const stopping = new AbortController();
    const loop = async () => {
      let consumer: Consumer | undefined;
      for (let failures = 0; !stopping.signal.aborted;) {
        try {
          consumer ??= await this.js.consumers.get(this.options.stream, this.options.queue);
          const message = await consumer.next({ expires: PULL_EXPIRES_MS });
          failures = 0;
          if (message) await this.handleOne(message, handle, stopping.signal);
        } catch (err) {
          // The server restarting, or a leader being elected: pull again shortly.
          if (!isStorageOutage(err)) this.log.warn({ err, queue: this.options.queue }, 'work queue pull failed');
          consumer = undefined;
          await sleep(Math.min(100 * 2 ** failures++, 2000));
        }
      }
    };
    const loops = Array.from({ length: concurrency }, loop);
    return {
      stop: async () => {
        stopping.abort();
        await Promise.all(loops);
      },
    };
  }

  private async handleOne(message: JsMsg, handle: (item: WorkItem<T>) => Promise<void>, stopping: AbortSignal) {
    const deliveries = message.info.deliveryCount;
    let body: T;
    try {
      body = message.json<T>();
    } catch (err) {
      this.log.error({ err, queue: this.options.queue, seq: message.seq }, 'unreadable work item: dropped');
      message.term('unreadable');
      return;
    }
    // Still at it: without this, a chunk that takes longer than the ack wait would go to a second replica.
    const keep = setInterval(
      () => {
        try {
          message.working();
        } catch {
          // The connection is closing: the item goes to another replica after the ack wait.
        }
      },
      Math.max(100, this.options.ackWaitMs / 3),
    );
    // The work itself keeps the process busy; this timer alone must not keep it alive.
    keep.unref();
    try {
      await handle({ body, deliveries, stopping });
      clearInterval(keep);
      // Acknowledged once the work is stored; an acknowledgement lost on the way means the item comes back, and its
      // handler finds its work already done.
      await message.ackAck();
    } catch (err) {
      clearInterval(keep);
      if (stopping.aborted) {
        // Given back at once: another replica takes it up from where the durable records say it stood.
        message.nak();
        return;
      }
      this.log.warn({ err, queue: this.options.queue, seq: message.seq, deliveries }, 'work item failed: retried');
      message.nak(retryDelay(deliveries));
    }
  }
}
