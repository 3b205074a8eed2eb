import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { Socket } from 'node:net';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Replicas {
  /** NATS servers: 1, or a JetStream cluster of 3 (streams and buckets then keep 3 copies). */
  nats: number;
  scoring: number;
  clients: number;
  explain: number;
  monitoring: number;
  gateway: number;
}

// The repository root, whether this file runs compiled (scripts/dist/) or from its source (scripts/).
const ROOT = fileURLToPath(new URL(import.meta.url.includes('/scripts/dist/') ? '../../' : '../', import.meta.url));

/** Where each component lives. Its compiled entry point, what production runs, is `<folder>/dist/main.js`. */
export const COMPONENT_FOLDER = {
  scoring: 'services/scoring',
  clients: 'services/clients',
  explain: 'services/explain',
  monitoring: 'services/monitoring',
  gateway: 'gateway',
} as const;
export type Component = keyof typeof COMPONENT_FOLDER;
export const compiledEntry = (component: Component) => `${COMPONENT_FOLDER[component]}/dist/main.js`;

const listening = (port: number) =>
  new Promise<boolean>((done) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
    socket.connect(port, '127.0.0.1');
  });

async function waitFor(port: number, what: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await listening(port))) {
    if (Date.now() > deadline) throw new Error(`${what} is not listening on port ${port} after ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}

const NATS_CLUSTER_PORT = Number(process.env.NATS_CLUSTER_PORT ?? 6222);

/** Node `i` of a local JetStream cluster of `size` nodes: its name and the routes to the others. */
function natsClusterArgs(i: number, size: number): string[] {
  const routes = Array.from({ length: size }, (_, j) => j)
    .filter((j) => j !== i)
    .map((j) => `nats://127.0.0.1:${NATS_CLUSTER_PORT + j}`);
  return [
    ...['--server_name', `n${i + 1}`, '--cluster_name', 'octroi'],
    ...['--cluster', `nats://127.0.0.1:${NATS_CLUSTER_PORT + i}`, '--routes', routes.join(',')],
  ];
}

/**
 * The distributed topology on one machine, as processes running the compiled JavaScript (`npm run build`): what
 * docker-compose runs as containers.
 * Infrastructure it started itself is stopped with it; servers that were already running are left alone.
 */
export async function startDistributed(replicas: Replicas) {
  const children: Array<{ name: string; child: ChildProcess }> = [];
  const run = (name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push({ name, child });
    child.on('exit', (code, signal) => {
      if (!stopping) console.error(`${name} exited (${signal ?? code})`);
    });
    return child;
  };

  const dataDir = process.env.OCTROI_DATA_DIR ?? 'var';
  const natsPort = Number(process.env.NATS_PORT ?? 4222);
  const redisPort = Number(process.env.REDIS_PORT ?? 6379);
  const natsPorts = Array.from({ length: replicas.nats }, (_, i) => natsPort + i);
  const natsUrl = process.env.NATS_URL ?? natsPorts.map((port) => `nats://127.0.0.1:${port}`).join(',');
  const redisUrl = process.env.REDIS_URL ?? `redis://127.0.0.1:${redisPort}`;
  if (!process.env.NATS_URL && !(await listening(natsPort))) {
    for (const [i, port] of natsPorts.entries()) {
      const storeDir = resolve(ROOT, dataDir, replicas.nats > 1 ? `nats/n${i + 1}` : 'nats');
      mkdirSync(storeDir, { recursive: true });
      run(`nats-server-${i + 1}`, 'nats-server', [
        ...['-c', resolve(ROOT, 'deploy/nats/octroi.conf'), '-a', '127.0.0.1', '-p', String(port)],
        ...['-js', '-sd', storeDir],
        ...(replicas.nats > 1 ? natsClusterArgs(i, replicas.nats) : []),
      ]);
    }
    for (const port of natsPorts) await waitFor(port, 'nats-server');
  }
  if (!process.env.REDIS_URL && !(await listening(redisPort))) {
    run('redis-server', 'redis-server', [
      '--port',
      String(redisPort),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await waitFor(redisPort, 'redis-server');
  }

  const shared = { NATS_URL: natsUrl, REDIS_URL: redisUrl };
  let metricsPort = Number(process.env.METRICS_PORT_BASE ?? 9400);
  for (const service of ['scoring', 'clients', 'explain', 'monitoring'] as const) {
    for (let replica = 1; replica <= replicas[service]; replica++) {
      run(`${service}-${replica}`, process.execPath, [compiledEntry(service)], {
        ...shared,
        METRICS_PORT: String(metricsPort++),
      });
    }
  }
  const gatewayPort = Number(process.env.PORT ?? 8080);
  for (let replica = 1; replica <= replicas.gateway; replica++) {
    // Replicas of the gateway listen on consecutive ports; a load balancer in front of them is the operator's choice.
    run(`gateway-${replica}`, process.execPath, [compiledEntry('gateway')], {
      ...shared,
      PORT: String(gatewayPort + replica - 1),
    });
  }
  await waitFor(gatewayPort, 'the gateway', 60_000);
  console.log(
    `\nOctroi (distributed) at http://127.0.0.1:${gatewayPort}: ${JSON.stringify(replicas)} on ${natsUrl} and ${redisUrl}. Ctrl+C stops it.\n`,
  );

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // Gateways and services first (they drain), the servers they need last.
    const order = [...children].reverse().sort((a, b) => Number(/server/.test(a.name)) - Number(/server/.test(b.name)));
    for (const { child } of order) {
      if (child.exitCode !== null) continue;
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}
