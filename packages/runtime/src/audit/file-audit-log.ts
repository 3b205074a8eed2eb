import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditRecord } from '@octroi/contracts';
import type { AuditLog } from './types.ts';

/**
 * The audit log of embedded mode: one JSON line per decision, appended and fsynced before `append` resolves,
 * so an acknowledged decision survives a crash. Appends arriving together share one fsync (group commit).
 * Read back into an index at start-up; a torn last line (a crash in the middle of a write) is skipped.
 */
export class FileAuditLog implements AuditLog {
  readonly kind = 'file' as const;
  private readonly byId = new Map<string, AuditRecord>();
  private readonly fd: number;
  private pending: { lines: string[]; waiters: Array<() => void> } | undefined;

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    if (existsSync(path)) {
      for (const line of readFileSync(path, 'utf8').split('\n')) {
        if (!line.trim()) continue;
        try {
          const record = JSON.parse(line) as AuditRecord;
          this.byId.set(record.decisionId, record);
        } catch {
          // A line cut short by a crash: its decision was never acknowledged.
        }
      }
    }
    this.fd = openSync(path, 'a');
  }

  append(records: AuditRecord[]): Promise<void> {
    const fresh = records.filter((record) => !this.byId.has(record.decisionId));
    if (fresh.length === 0) return Promise.resolve();
    for (const record of fresh) this.byId.set(record.decisionId, record);
    if (!this.pending) {
      this.pending = { lines: [], waiters: [] };
      setImmediate(() => this.flush());
    }
    this.pending.lines.push(...fresh.map((record) => JSON.stringify(record)));
    const batch = this.pending;
    return new Promise((resolve) => batch.waiters.push(resolve));
  }

  private flush() {
    const batch = this.pending!;
    this.pending = undefined;
    writeSync(this.fd, `${batch.lines.join('\n')}\n`);
    fsyncSync(this.fd);
    batch.waiters.forEach((resolve) => resolve());
  }

  async get(decisionId: string) {
    return this.byId.get(decisionId);
  }

  async close() {
    if (this.pending) this.flush();
    closeSync(this.fd);
  }
}
