import { Writable } from 'node:stream';
import { pino } from 'pino';
import type { Logger } from '../src/index.ts';

/** A logger whose JSON lines are kept in memory, to assert on what was logged. */
export function capturingLogger(): { log: Logger; lines: () => Array<Record<string, unknown>> } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const log = pino({ level: 'debug', base: { service: 'test' } }, stream);
  const lines = () =>
    chunks
      .join('')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
