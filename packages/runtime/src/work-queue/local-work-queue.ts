import type { Logger } from '../logger.ts';
import { retryDelay, type Consuming, type WorkItem, type WorkQueue } from './types.ts';

/** As JetStream remembers message ids for a while, the memory queue remembers this many. */
const REMEMBERED_IDS = 100_000;

interface Queued<T> {
  body: T;
  id: string;
  deliveries: number;
}

/**
 * The work queue of embedded mode, in memory: one process takes every item. It holds at most `capacity` items, so a
 * producer reading a large file waits for the consumers instead of holding the file in memory. It does not outlive
 * the process: what it held is queued again at start-up by its owner, from the durable records of the work.
 */
export class LocalWorkQueue<T> implements WorkQueue<T> {
  private readonly items: Array<Queued<T>> = [];
  /** Ids of the items queued lately (the last REMEMBERED_IDS): an item added again under one of them is dropped. */
  private readonly known = new Set<string>();
  private readonly roomWaiters: Array<() => void> = [];
  private readonly itemWaiters: Array<() => void> = [];

  constructor(
    private readonly log: Logger,
    private readonly capacity = 4,
  ) {}

  async add(body: T, id: string): Promise<void> {
    if (this.known.has(id)) return;
    this.known.add(id);
    if (this.known.size > REMEMBERED_IDS) this.known.delete(this.known.values().next().value!);
    while (this.items.length >= this.capacity) await new Promise<void>((resolve) => this.roomWaiters.push(resolve));
    this.push({ body, id, deliveries: 0 });
  }

  private push(item: Queued<T>) {
    this.items.push(item);
    this.itemWaiters.shift()?.();
  }

  async waiting() {
    return this.items.length;
  }

  consume(handle: (item: WorkItem<T>) => Promise<void>, { concurrency = 1 } = {}): Consuming {
    const stopping = new AbortController();
    const wake = () => this.itemWaiters.splice(0).forEach((resolve) => resolve());
    const loop = async () => {
      while (!stopping.signal.aborted) {
        const item = this.items.shift();
        if (!item) {
          await new Promise<void>((resolve) => this.itemWaiters.push(resolve));
          continue;
        }
        this.roomWaiters.shift()?.();
        item.deliveries++;
        try {
          await handle({ body: item.body, deliveries: item.deliveries, stopping: stopping.signal });
        } catch (err) {
          this.log.warn(
            { err, item: item.id, deliveries: item.deliveries },
            'work item failed: it will be tried again',
          );
          setTimeout(() => this.push(item), retryDelay(item.deliveries)).unref();
        }
      }
    };
    const loops = Array.from({ length: concurrency }, loop);
    return {
      stop: async () => {
        stopping.abort();
        wake();
        await Promise.all(loops);
      },
    };
  }
}
