import type { NatsConnection } from '@nats-io/transport-node';
import { jetstreamManager, type JetStreamManager, type StreamConfig, type StreamInfo } from '@nats-io/jetstream';
import { Kvm, type KV, type KvOptions } from '@nats-io/kv';
import { Objm, type ObjectStore, type ObjectStoreOptions } from '@nats-io/obj';
import type { Logger } from '../logger.ts';
import { isStorageOutage } from './outage.ts';
import { jetStreamReplicas } from './replicas.ts';

/** The stream JetStream keeps a KV bucket in. */
export const bucketStream = (bucket: string) => `KV_${bucket}`;
/** The stream JetStream keeps an object store in. */
export const objectStoreStream = (bucket: string) => `OBJ_${bucket}`;

/**
 * The JetStream API once it answers. A cluster that has just started elects its leader first, and a server may be
 * restarting: a component starting meanwhile waits (with back-off, saying so) rather than failing to start.
 */
export async function jetStreamWhenReady(connection: NatsConnection, log?: Logger): Promise<JetStreamManager> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await jetstreamManager(connection);
    } catch (err) {
      if (!isStorageOutage(err) || connection.isClosed()) throw err;
      if (attempt === 1 || attempt % 10 === 0) log?.warn({ attempt, err: String(err) }, 'JetStream not answering yet');
      await new Promise((resolve) => setTimeout(resolve, Math.min(100 * 2 ** attempt, 2000)));
    }
  }
}

const alreadyExists = (err: unknown) => /already in use|exists/i.test(String(err));

async function infoOrNothing(jsm: JetStreamManager, name: string): Promise<StreamInfo | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (/not found/i.test(String(err))) return undefined;
    throw err;
  }
}

/**
 * Keeps the stream's copies at the configured count: a stream created with another count (one server that became a
 * cluster, or JETSTREAM_REPLICAS changed) is updated in place; JetStream copies its messages to the new peers.
 */
async function keepReplicas(jsm: JetStreamManager, info: StreamInfo, replicas: number, log?: Logger) {
  if (info.config.num_replicas === replicas) return;
  log?.info({ stream: info.config.name, from: info.config.num_replicas, to: replicas }, 'stream replicas updated');
  await jsm.streams.update(info.config.name, { ...info.config, num_replicas: replicas });
}

/**
 * Opens a stream, creating it when absent, with every stream's replica count (`jetStreamReplicas`). Replicas of a
 * service opening it at the same moment both succeed.
 */
export async function ensureStream(
  connection: NatsConnection,
  config: Partial<StreamConfig> & { name: string },
  log?: Logger,
): Promise<JetStreamManager> {
  const jsm = await jetStreamWhenReady(connection, log);
  const replicas = jetStreamReplicas(connection);
  const existing = await infoOrNothing(jsm, config.name);
  if (existing) {
    await keepReplicas(jsm, existing, replicas, log);
    return jsm;
  }
  try {
    await jsm.streams.add({ ...config, num_replicas: replicas });
  } catch (err) {
    if (!alreadyExists(err)) throw err;
  }
  return jsm;
}

/** Opens a KV bucket, creating it when absent, with every stream's replica count; an existing one is brought to it. */
export async function ensureBucket(
  connection: NatsConnection,
  name: string,
  options: Partial<KvOptions> = {},
  log?: Logger,
): Promise<KV> {
  const jsm = await jetStreamWhenReady(connection, log);
  const replicas = jetStreamReplicas(connection);
  const kv = await new Kvm(connection).create(name, { ...options, replicas });
  await keepReplicas(jsm, await infoOfCreated(jsm, bucketStream(name)), replicas, log);
  return kv;
}

/**
 * The information of a stream just created or opened. In a cluster, the server asked may not know a stream created
 * a moment ago through another one yet ("stream not found"): asked again for a few seconds before failing.
 */
async function infoOfCreated(jsm: JetStreamManager, name: string): Promise<StreamInfo> {
  for (let attempt = 0; ; attempt++) {
    const info = await infoOrNothing(jsm, name);
    if (info) return info;
    if (attempt >= 50) return jsm.streams.info(name);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Opens an object store, creating it when absent, with every stream's replica count; an existing one is brought to it. */
export async function ensureObjectStore(
  connection: NatsConnection,
  name: string,
  options: Partial<ObjectStoreOptions> = {},
  log?: Logger,
): Promise<ObjectStore> {
  const jsm = await jetStreamWhenReady(connection, log);
  const replicas = jetStreamReplicas(connection);
  const open = () => new Objm(connection).create(name, { ...options, replicas });
  // Replicas opening it at the same moment: the one that did not create it opens it.
  const store = await open().catch((err: unknown) => {
    if (alreadyExists(err)) return open();
    throw err;
  });
  await keepReplicas(jsm, await infoOfCreated(jsm, objectStoreStream(name)), replicas, log);
  return store;
}
