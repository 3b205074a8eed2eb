import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import { open, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkObjectName, type ObjectBucket } from './types.ts';

/**
 * Objects of embedded mode: one file each under `<dir>/<bucket>/`, written beside and renamed into place once
 * fsynced, so a reader never sees half an object and a crash leaves the previous one.
 */
export class FileObjectBucket implements ObjectBucket {
  private readonly root: string;

  constructor(
    dir: string,
    readonly name: string,
  ) {
    this.root = resolve(dir, name);
    mkdirSync(this.root, { recursive: true });
  }

  private path(name: string) {
    checkObjectName(name);
    return join(this.root, name);
  }

  async put(name: string, bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
    const path = this.path(name);
    mkdirSync(dirname(path), { recursive: true });
    const partial = `${path}.partial-${process.pid}-${Math.random().toString(36).slice(2)}`;
    try {
      await pipeline(bytes, createWriteStream(partial));
      const file = await open(partial, 'r+');
      await file.sync();
      await file.close();
      await rename(partial, path);
    } catch (err) {
      await rm(partial, { force: true });
      throw err;
    }
    return (await stat(path)).size;
  }

  async get(name: string): Promise<AsyncIterable<Uint8Array> | undefined> {
    const path = this.path(name);
    const found = await stat(path).catch(() => undefined);
    return found?.isFile() ? createReadStream(path) : undefined;
  }

  async delete(name: string) {
    await rm(this.path(name), { recursive: true, force: true });
  }
}
