import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { FeedKind } from '@octroi/contracts';
import { FEED_RETENTION_MS, type FeedListener, type Following, type MonitoringFeed } from './types.ts';

interface Line {
  k: FeedKind;
  t: number;
  e: unknown;
}

/**
 * The monitoring feed of embedded mode: events go to the listeners of this process at once and to a file of JSON
 * lines, read back at start-up so the windows survive a restart. Every service of the process shares one instance.
 */
export class FileFeed implements MonitoringFeed {
  readonly kind = 'file' as const;
  private static readonly open = new Map<string, FileFeed>();
  private readonly listeners = new Set<FeedListener>();
  private lines: Line[];

  private constructor(
    readonly path: string,
    private readonly now: () => number,
  ) {
    mkdirSync(dirname(path), { recursive: true });
    const kept = Date.now() - FEED_RETENTION_MS;
    const stored = existsSync(path) ? readFileSync(path, 'utf8').split('\n') : [];
    this.lines = stored.flatMap((text) => {
      try {
        const line = JSON.parse(text) as Line;
        return line.t >= kept ? [line] : [];
      } catch {
        return []; // empty, or cut short by a crash
      }
    });
    // The file is rewritten at start-up when it holds mostly expired events, so it stays about a week long.
    if (stored.length > 1000 && this.lines.length < stored.length / 2) {
      writeFileSync(path, this.lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
    }
  }

  static at(path: string, now: () => number = Date.now): FileFeed {
    const full = resolve(path);
    let feed = FileFeed.open.get(full);
    if (!feed) FileFeed.open.set(full, (feed = new FileFeed(full, now)));
    return feed;
  }

  async publish(kind: FeedKind, event: unknown) {
    const line: Line = { k: kind, t: this.now(), e: event };
    this.lines.push(line);
    while ((this.lines[0]?.t ?? line.t) < line.t - FEED_RETENTION_MS) this.lines.shift();
    appendFileSync(this.path, `${JSON.stringify(line)}\n`);
    for (const listener of this.listeners) listener(kind, event as never);
  }

  async follow(sinceMs: number, listener: FeedListener): Promise<Following> {
    for (const line of this.lines) if (line.t >= sinceMs) listener(line.k, line.e as never);
    this.listeners.add(listener);
    return {
      caughtUp: Promise.resolve(),
      stop: async () => {
        this.listeners.delete(listener);
      },
    };
  }

  async close() {
    this.listeners.clear();
  }
}
