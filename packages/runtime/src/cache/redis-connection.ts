import { Redis } from 'ioredis';

/**
 * A connection to Redis that never waits for it: no offline queue, no retry of a command, a short command timeout,
 * so every command fails at once while Redis is out of reach, and the connection comes back by itself.
 */
export function connectRedis(url: string): Redis {
  const connection = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: 250,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(100 * attempt, 2000),
  });
  // Each command says it failed; the connection's own errors would only repeat it, once per retry.
  connection.on('error', () => undefined);
  return connection;
}
