import { pino, type Logger } from 'pino';

export type { Logger };

/** JSON logs on stdout; every line carries the service name, and handlers add the request id. */
export function createLogger(service: string, level = process.env.LOG_LEVEL ?? 'info'): Logger {
  return pino({ level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
