import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  freePort,
  ownedProcess,
  startNats,
  startNatsCluster,
  startRedis,
  stopProcess,
  waitForPort,
  type TestServer,
} from '@octroi/runtime/testing';
import { compiledEntry, type Component } from '../../scripts/topology.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The NATS server settings every deployment uses (how fast a frozen client is dropped). */
export const NATS_CONFIG = join(ROOT, 'deploy/nats/octroi.conf');
type ServiceRole = Exclude<Component, 'gateway'>;

export const CLUSTER_API_KEY = 'cluster-test-key';

/** One process of the cluster, with its log file and its probe port. */
export class Member {
  exitCode: number | null = null;
  exitSignal: NodeJS.Signals | null = null;
  readonly exited: Promise<void>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    readonly logFile: string,
    readonly port: number,
  ) {
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.exitCode = code;
        this.exitSignal = signal;
        done();
      }),
    );
  }

  get running() {
    return this.exitCode === null && this.exitSignal === null;
  }
  signal(signal: NodeJS.Signals) {
    this.child.kill(signal);
  }
  log(): string {
    return readFileSync(this.logFile, 'utf8');
  }
}

export interface ClusterOptions {
  /** NATS servers: one (the default), or a JetStream cluster of this many. */
  natsNodes?: number;
  scoring?: number;
  clients?: number;
  explain?: number;
  monitoring?: number;
  env?: NodeJS.ProcessEnv;
  /** Node's own options for every Octroi process, e.g. `--cpu-prof` (which NODE_OPTIONS may not carry). */
  nodeArgs?: string[];
}

/**
 * The distributed topology as real processes on this machine, running the compiled JavaScript as production does:
 * nats-server with JetStream, redis-server, N replicas of each service and one gateway, each service with its probe
 * port (METRICS_PORT) for readiness and metrics.
 */
export async function startCluster(options: ClusterOptions = {}) {
  // The processes run the compiled JavaScript, as in production: build it first (a no-op when it is up to date).
  execFileSync(process.execPath, [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '--build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  const monitorPort = await freePort();
  const natsCluster =
    (options.natsNodes ?? 1) > 1
      ? await startNatsCluster({ size: options.natsNodes, configFile: NATS_CONFIG })
      : undefined;
  const natsNodes: TestServer[] = natsCluster?.nodes ?? [
    await startNats({ jetStream: true, configFile: NATS_CONFIG, monitorPort }),
  ];
  const closeNats = () => (natsCluster ? natsCluster.close() : natsNodes[0]!.close());
  const natsUrl = natsCluster?.url ?? natsNodes[0]!.url;
  const redis: TestServer = await startRedis().catch(async (err: unknown) => {
    await closeNats();
    throw err;
  });
  const logs = mkdtempSync(join(tmpdir(), 'octroi-cluster-'));
  const members: Member[] = [];
  const base = { ...process.env, NATS_URL: natsUrl, REDIS_URL: redis.url, LOG_LEVEL: 'info', ...options.env };

  const launch = async (role: Component, index: number, extraEnv: NodeJS.ProcessEnv = {}) => {
    const port = await freePort();
    const name = `${role}-${index}`;
    const logFile = join(logs, `${name}.log`);
    const env =
      role === 'gateway'
        ? {
            ...base,
            PORT: String(port),
            OCTROI_API_KEYS: CLUSTER_API_KEY,
            OCTROI_DATA_DIR: join(logs, 'gateway'),
            RATE_LIMIT_PER_MINUTE: '0',
            ...extraEnv,
          }
        : { ...base, METRICS_PORT: String(port), ...extraEnv };
    const child = ownedProcess(
      spawn(process.execPath, [...(options.nodeArgs ?? []), compiledEntry(role)], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    );
    const out = createWriteStream(logFile);
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    const member = new Member(name, child, logFile, port);
    members.push(member);
    return member;
  };

  const waitReady = async (member: Member, path: string, timeoutMs = 60_000) => {
    await waitForPort(member.port, timeoutMs);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (!member.running)
        throw new Error(
          `${member.name} exited (${member.exitCode ?? member.exitSignal}):\n${member.log().slice(-2000)}`,
        );
      const response = await fetch(`http://127.0.0.1:${member.port}${path}`).catch(() => undefined);
      if (response?.ok) return;
      await new Promise((done) => setTimeout(done, 200));
    }
    throw new Error(`${member.name} not ready after ${timeoutMs} ms:\n${member.log().slice(-2000)}`);
  };

  const replicas = {
    scoring: options.scoring ?? 1,
    clients: options.clients ?? 1,
    explain: options.explain ?? 1,
    monitoring: options.monitoring ?? 0,
  };
  const services: Record<ServiceRole, Member[]> = { scoring: [], clients: [], explain: [], monitoring: [] };
  const closeServers = () => Promise.all([closeNats(), redis.close()]);
  let gateway: Member;
  try {
    for (const role of ['scoring', 'clients', 'explain', 'monitoring'] as const) {
      for (let i = 1; i <= replicas[role]; i++) services[role].push(await launch(role, i));
    }
    await Promise.all(
      Object.values(services)
        .flat()
        .map((member) => waitReady(member, '/readyz')),
    );
    gateway = await launch('gateway', 1);
    await waitReady(gateway, '/readyz');
  } catch (err) {
    // A cluster that did not start leaves nothing running behind it, or the test file would never end.
    await Promise.all(members.map((member) => stopProcess(member.child, 'SIGKILL')));
    await closeServers();
    throw err;
  }

  return {
    /** The NATS server (the first node of a cluster). */
    nats: natsNodes[0]!,
    natsNodes,
    natsUrl,
    /** How many client connections of this name the (single) NATS server holds, from its monitoring port. */
    async natsConnections(name: string): Promise<number> {
      const connz = (await (await fetch(`http://127.0.0.1:${monitorPort}/connz?limit=1024`)).json()) as {
        connections?: Array<{ name?: string }>;
      };
      return (connz.connections ?? []).filter((connection) => connection.name === name).length;
    },
    redis,
    services,
    /** The gateway running now (restartGateway starts another one). */
    get gateway() {
      return gateway;
    },
    get url() {
      return `http://127.0.0.1:${gateway.port}`;
    },
    headers: { 'x-api-key': CLUSTER_API_KEY },
    /** The gateway's data folder: its users file (an administrator is added there). */
    gatewayDataDir: join(logs, 'gateway'),
    /** Starts one more replica of a service and waits until it is ready. */
    async addReplica(role: ServiceRole) {
      const member = await launch(role, services[role].length + 1);
      services[role].push(member);
      await waitReady(member, '/readyz');
      return member;
    },
    /** Starts a new gateway, on a port of its own, once the last one has exited (killed by a test). */
    async restartGateway() {
      await gateway.exited;
      gateway = await launch('gateway', members.filter((member) => member.name.startsWith('gateway-')).length + 1);
      await waitReady(gateway, '/readyz');
      return gateway;
    },
    /** Stops the gateway, then every service (SIGTERM, SIGKILL after 15 s), then the servers: bounded in time. */
    async stop() {
      try {
        await stopProcess(gateway.child, 'SIGTERM', 15_000);
        await Promise.all(
          Object.values(services)
            .flat()
            .map((member) => stopProcess(member.child, 'SIGTERM', 15_000)),
        );
      } finally {
        await closeServers();
      }
    },
  };
}

export type Cluster = Awaited<ReturnType<typeof startCluster>>;
