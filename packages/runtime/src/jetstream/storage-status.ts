import type { NatsConnection } from '@nats-io/transport-node';
import {
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  type JetStreamManager,
  type StreamInfo,
} from '@nats-io/jetstream';
import { isStorageOutage } from './outage.ts';

/** Copies hear from their leader every second: one silent for longer than this is taken as gone. */
const SILENT_NANOS = 3e9;

/** Octroi's streams: the audit log and queues (`OCTROI_*`), the durable store's buckets (`KV_octroi-*`) and objects (`OBJ_octroi-*`). */
const OURS = /^(OCTROI_|KV_octroi-|OBJ_octroi-)/;

export interface StorageStatus {
  available: boolean;
  /** Why it is not available, or what is degraded (a copy offline), one line each. */
  problems: string[];
  /** Copies each stream keeps, by stream name. */
  replicas: Record<string, number>;
}

/**
 * Whether the durable store answers: JetStream replies, and in a cluster every Octroi stream has a leader (a stream
 * without one refuses writes). A stream with a copy offline is still available, and says so.
 *
 * The names come from the cluster's metadata and each stream is then asked for itself: a stream listing
 * (`STREAM.LIST`) leaves out, silently, every stream whose leader did not answer the metadata leader within its
 * own few seconds (a stream electing a leader, a busy server), which would hide exactly the streams in trouble.
 */
export async function storageStatus(connection: NatsConnection, timeoutMs = 2000): Promise<StorageStatus> {
  const clustered = Boolean(connection.info?.cluster);
  const problems: string[] = [];
  const replicas: Record<string, number> = {};
  let available = true;
  try {
    const jsm = await jetstreamManager(connection, { timeout: timeoutMs });
    const names: string[] = [];
    for await (const name of jsm.streams.names()) if (OURS.test(name)) names.push(name);
    const streams = await Promise.all(names.map((name) => infoOrSilence(jsm, name)));
    names.forEach((name, i) => {
      const stream = streams[i];
      if (stream === 'deleted') return;
      if (!stream) {
        available = false;
        problems.push(`${name} does not answer (no leader)`);
        return;
      }
      replicas[name] = stream.config.num_replicas;
      if (clustered && !stream.cluster?.leader) {
        available = false;
        problems.push(`${name} has no leader`);
      }
      const offline = (stream.cluster?.replicas ?? [])
        .filter((peer) => peer.offline || !peer.current || peer.active > SILENT_NANOS)
        .map((peer) => peer.name);
      if (offline.length > 0) problems.push(`${name}: copies on ${offline.join(', ')} offline`);
    });
  } catch (err) {
    if (!isStorageOutage(err)) throw err;
    available = false;
    problems.push(`JetStream does not answer (${err instanceof Error ? err.message : String(err)})`);
  }
  return { available, problems, replicas };
}

/** A stream's state from its leader; nothing when no leader answers (none elected, or out of reach). */
async function infoOrSilence(jsm: JetStreamManager, name: string): Promise<StreamInfo | 'deleted' | undefined> {
  try {
    return await jsm.streams.info(name);
  } catch (err) {
    if (isStorageOutage(err)) return undefined;
    if (err instanceof JetStreamApiError && err.code === JetStreamApiCodes.StreamNotFound) return 'deleted'; // since listed
    throw err;
  }
}
