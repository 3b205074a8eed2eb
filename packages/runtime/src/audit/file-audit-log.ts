import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  indexInRequest,
  isDecisionRecord,
  requestKeyOf,
  type AuditedRecord,
  type ChainedRecord,
} from '@octroi/contracts';
import { AppendOnlyFile, readLines } from '../store/append-only-file.ts';
import { ChainWriter, type AuditEntry } from './chain.ts';
import type { AuditLog } from './types.ts';

/**
 * The audit log of embedded mode: one JSON line per request, appended and fsynced before `append` resolves, so an
 * acknowledged decision survives a crash. The file holds one chain, continued across restarts. Read back into an
 * index at start-up; a torn last line (a crash in the middle of a write, never acknowledged) is dropped.
 */
export class FileAuditLog implements AuditLog {
  readonly kind = 'file' as const;
  private readonly byRequest = new Map<string, ChainedRecord[]>();
  private readonly file: AppendOnlyFile;
  private readonly chain: ChainWriter;

  private static readonly open = new Map<string, { log: FileAuditLog; users: number }>();
  /** The file's log, shared by every caller in this process until the last one closes it. */
  static at(path: string): FileAuditLog {
    const full = resolve(path);
    const shared = FileAuditLog.open.get(full) ?? { log: new FileAuditLog(full), users: 0 };
    shared.users++;
    FileAuditLog.open.set(full, shared);
    return shared.log;
  }

  private constructor(readonly path: string) {
    const { file, lines } = AppendOnlyFile.open(path);
    this.file = file;
    let last: ChainedRecord | undefined;
    for (const line of lines) {
      const entry = JSON.parse(line) as AuditEntry;
      this.byRequest.set(entry.request, entry.records);
      last = entry.records.at(-1) ?? last;
    }
    this.chain = ChainWriter.after(last, `file-${randomBytes(4).toString('hex')}`);
  }

  async append<R extends AuditedRecord>(decisions: R[]): Promise<Array<R & ChainedRecord>> {
    const request = requestKeyOf(decisions[0]!.decisionId);
    const stored = this.byRequest.get(request);
    if (stored) {
      await this.file.flushed(); // the same request appended again: kept once, answered once it is on disk
      return stored;
    }
    const entry = this.chain.link(decisions);
    this.byRequest.set(request, entry.records);
    await this.file.append([JSON.stringify(entry)]);
    return entry.records;
  }

  async get(decisionId: string) {
    const record = (await this.request(decisionId))?.[indexInRequest(decisionId)];
    return record?.decisionId === decisionId ? record : undefined;
  }

  async request(decisionId: string) {
    await this.file.flushed();
    return this.byRequest.get(requestKeyOf(decisionId))?.filter(isDecisionRecord);
  }

  async *entries() {
    await this.file.flushed();
    yield* readAuditFile(this.path);
  }

  async storageProblems() {
    return [];
  }

  async close() {
    const shared = FileAuditLog.open.get(this.path);
    if (shared && --shared.users > 0) return;
    FileAuditLog.open.delete(this.path);
    await this.file.close();
  }
}

/** The entries of an audit file, read without opening it for writing (the CLI reads a running system's file). */
export function* readAuditFile(path: string): Generator<{ entry: AuditEntry; where: string }> {
  if (!existsSync(path)) return;
  let number = 0;
  for (const line of readLines(path)) {
    number++;
    let entry: AuditEntry;
    try {
      entry = JSON.parse(line) as AuditEntry;
    } catch {
      throw new Error(`${path}, line ${number}: not an audit entry (the file was edited by hand?)`);
    }
    yield { entry, where: `line ${number}` };
  }
}
