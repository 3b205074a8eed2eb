import {
  closeSync,
  existsSync,
  fsync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';

const syncFile = promisify(fsync);

/**
 * A file of JSON lines that only grows, for the stores of embedded mode. `append` resolves once the lines are
 * written and fsynced, so an acknowledged write survives a crash. Lines are written at once, in order; the fsync
 * runs off the event loop (on a busy disk one takes tens of milliseconds, which would hold every request of the
 * process), one at a time, and the lines written while one runs share the next (group commit). A lock file beside
 * it keeps a second process out: two instances writing one file would interleave their records.
 */
export class AppendOnlyFile {
  private fd: number;
  private readonly lockPath: string;
  /** The last fsync asked for: it begins after every write made so far. */
  private lastSync: Promise<void> = Promise.resolve();
  /** An fsync asked for that has not begun: what is written now is on disk when it ends. */
  private waitingSync: Promise<void> | undefined;

  private constructor(readonly path: string) {
    this.lockPath = `${path}.lock`;
    this.fd = openSync(path, 'a');
  }

  /** Opens the file for appending, after taking its lock; `lines` are the lines already there, in order. */
  static open(path: string): { file: AppendOnlyFile; lines: string[] } {
    mkdirSync(dirname(path), { recursive: true });
    takeLock(`${path}.lock`);
    const lines = existsSync(path) ? readLines(path, { dropTornLine: true }) : [];
    return { file: new AppendOnlyFile(path), lines };
  }

  append(lines: string[]): Promise<void> {
    writeSync(this.fd, `${lines.join('\n')}\n`);
    return this.sync();
  }

  /** Resolves once everything appended so far is on disk. */
  flushed(): Promise<void> {
    return this.lastSync;
  }

  /**
   * Replaces the whole file with `lines` (compaction at start-up, before any append), atomically: a crash leaves
   * the old or the new file.
   */
  rewrite(lines: string[]) {
    const temporary = `${this.path}.compacting`;
    writeFileSync(temporary, lines.length ? `${lines.join('\n')}\n` : '');
    const fd = openSync(temporary, 'r+');
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temporary, this.path);
    closeSync(this.fd);
    this.fd = openSync(this.path, 'a');
  }

  private sync(): Promise<void> {
    if (!this.waitingSync) {
      const synced = this.lastSync.then(() => {
        this.waitingSync = undefined; // what is written from now on waits for the next one
        return syncFile(this.fd);
      });
      this.waitingSync = synced;
      this.lastSync = synced.catch(stopTheProcess);
    }
    return this.waitingSync;
  }

  async close() {
    await this.lastSync;
    closeSync(this.fd);
    rmSync(this.lockPath, { force: true });
  }
}

/**
 * A failed fsync leaves unknown what the disk holds, and memory ahead of it: the process stops, as a database does,
 * and its next start reads back what the disk really has.
 */
function stopTheProcess(err: unknown) {
  setImmediate(() => {
    throw err;
  });
}

/**
 * The complete lines of a file. A last line cut short by a crash was never acknowledged: it is left out, and with
 * `dropTornLine` cut from the file too, so that the next line appended starts on a line of its own.
 */
export function readLines(path: string, { dropTornLine = false } = {}): string[] {
  const text = readFileSync(path, 'utf8');
  const complete = text.slice(0, text.lastIndexOf('\n') + 1);
  if (dropTornLine && complete.length < text.length) truncateSync(path, Buffer.byteLength(complete));
  return complete.split('\n').filter((line) => line.trim() !== '');
}

function takeLock(lockPath: string) {
  try {
    writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
    return;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const holder = Number(readFileSync(lockPath, 'utf8'));
  if (holder !== process.pid && processRuns(holder)) {
    throw new Error(
      `${lockPath.replace(/\.lock$/, '')} is in use by process ${holder}: give each Octroi instance its own OCTROI_DATA_DIR`,
    );
  }
  writeFileSync(lockPath, String(process.pid)); // left behind by a process that no longer runs
}

function processRuns(pid: number) {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
