import type { NatsConnection } from '@nats-io/transport-node';
import { envInt } from '../config.ts';

/** JetStream keeps at most this many copies of an asset in a cluster: one node may fail, and the majority of 3 decides. */
const CLUSTER_REPLICAS = 3;

/**
 * How many copies every stream and KV bucket keeps: `JETSTREAM_REPLICAS` when set, else one on a single server and
 * three in a cluster (fewer when the cluster has fewer servers, as JetStream cannot place more copies than servers).
 * Decided here only, so the audit log and every bucket survive the same failures.
 */
export function jetStreamReplicas(connection: NatsConnection): number {
  const configured = envInt('JETSTREAM_REPLICAS', 0);
  if (configured !== 0) {
    if (configured < 1 || configured > 5)
      throw new Error(`JETSTREAM_REPLICAS must be between 1 and 5, got ${configured}`);
    return configured;
  }
  const info = connection.info;
  if (!info?.cluster) return 1;
  // Servers gossip the client URLs of the whole cluster, their own included; none when advertising is off.
  const servers = info.connect_urls?.length ?? 0;
  return servers > 0 ? Math.min(CLUSTER_REPLICAS, servers) : CLUSTER_REPLICAS;
}
