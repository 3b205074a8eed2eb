import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ownedProcess, stopProcess } from './processes.ts';

/**
 * Real NATS and Redis servers for integration tests. In order of preference: the URL given in NATS_URL/REDIS_URL,
 * the Debian binaries (`nats-server`, `redis-server`) started on free ports, a container when a Docker engine runs,
 * and otherwise a failure that says what to install.
 */
export interface TestServer {
  readonly url: string;
  readonly port: number;
  /** Whether this harness owns the process (and so may stop and restart it). */
  readonly managed: boolean;
  stop(signal?: NodeJS.Signals): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = new Socket();
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
      socket.connect(port, '127.0.0.1');
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`Nothing listens on 127.0.0.1:${port} after ${timeoutMs} ms`);
}

const onPath = (binary: string) => spawnSync('sh', ['-c', `command -v ${binary}`]).status === 0;
const dockerRuns = () =>
  existsSync('/var/run/docker.sock') && spawnSync('docker', ['info'], { stdio: 'ignore' }).status === 0;

function external(url: string): TestServer {
  const port = Number(new URL(url).port);
  const refuse = async () => {
    throw new Error(`${url} was given from outside: the test harness cannot stop or start it`);
  };
  return { url, port, managed: false, stop: refuse, start: refuse, close: async () => {} };
}

/** A server process the harness owns: started on a fixed port so a restart keeps its address. */
function localProcess(scheme: string, port: number, command: string, args: string[], cleanup?: () => void): TestServer {
  let child: ChildProcess | undefined;
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const running = child;
    child = undefined;
    if (running) await stopProcess(running, signal);
  };
  const start = async () => {
    const started = ownedProcess(spawn(command, args, { stdio: 'ignore' }));
    child = started;
    const exited = new Promise<never>((_, fail) =>
      started.once('exit', (code, signal) => fail(new Error(`${command} exited (${code ?? signal}) on start-up`))),
    );
    exited.catch(() => {});
    try {
      await Promise.race([waitForPort(port, 30_000), exited]);
    } catch (err) {
      await stop('SIGKILL'); // a server that did not start is not left behind
      throw err;
    }
  };
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    managed: true,
    start,
    stop,
    close: async () => {
      await stop();
      cleanup?.();
    },
  };
}

async function container(image: string, internalPort: number, scheme: string, command?: string[]): Promise<TestServer> {
  const { GenericContainer } = await import('testcontainers');
  let builder = new GenericContainer(image).withExposedPorts(internalPort);
  if (command) builder = builder.withCommand(command);
  let started = await builder.start();
  const port = started.getMappedPort(internalPort);
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    managed: true,
    stop: async () => {
      await started.stop();
    },
    start: async () => {
      started = await builder.start();
    },
    close: async () => {
      await started.stop();
    },
  };
}

export interface NatsOptions {
  jetStream?: boolean;
  /** A nats-server configuration file read before the command-line flags (e.g. the liveness settings). */
  configFile?: string;
  /** Opens the monitoring port (`/connz`, `/jsz`) on this port. */
  monitorPort?: number;
}

export async function startNats(options: NatsOptions = {}): Promise<TestServer> {
  if (process.env.NATS_URL) return external(process.env.NATS_URL);
  if (onPath('nats-server')) {
    const port = await freePort();
    const storeDir = mkdtempSync(join(tmpdir(), 'octroi-nats-'));
    const args = ['-a', '127.0.0.1', '-p', String(port)];
    if (options.jetStream) args.push('-js', '-sd', storeDir);
    if (options.configFile) args.push('-c', options.configFile);
    if (options.monitorPort) args.push('-m', String(options.monitorPort));
    const server = localProcess('nats', port, 'nats-server', args, () =>
      rmSync(storeDir, { recursive: true, force: true }),
    );
    await server.start();
    return server;
  }
  if (dockerRuns()) return container('nats:2.10-alpine', 4222, 'nats', options.jetStream ? ['-js'] : []);
  throw new Error(
    'Integration tests need NATS: set NATS_URL, or install nats-server (apt-get install nats-server), or run a Docker engine',
  );
}

export interface NatsCluster {
  /** Every node's URL, comma-separated, as NATS_URL takes them. */
  readonly url: string;
  readonly nodes: TestServer[];
  close(): Promise<void>;
}

/**
 * A JetStream cluster of `size` nats-server processes on this machine, routed to each other; each node can be
 * stopped and started again on its ports with its store. Needs the `nats-server` binary.
 */
export async function startNatsCluster(options: { size?: number; configFile?: string } = {}): Promise<NatsCluster> {
  if (!onPath('nats-server')) throw new Error('A NATS cluster test needs nats-server (apt-get install nats-server)');
  const size = options.size ?? 3;
  const ports = await Promise.all(Array.from({ length: size }, async () => [await freePort(), await freePort()]));
  const root = mkdtempSync(join(tmpdir(), 'octroi-nats-cluster-'));
  const nodes = ports.map(([port, clusterPort], i) => {
    const routes = ports.filter((_, j) => j !== i).map(([, other]) => `nats://127.0.0.1:${other}`);
    const args = ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(root, `n${i + 1}`)];
    args.push('--server_name', `n${i + 1}`, '--cluster_name', 'octroi-test');
    args.push('--cluster', `nats://127.0.0.1:${clusterPort}`, '--routes', routes.join(','));
    if (options.configFile) args.push('-c', options.configFile);
    return localProcess('nats', port!, 'nats-server', args);
  });
  const close = async () => {
    await Promise.all(nodes.map((node) => node.close()));
    rmSync(root, { recursive: true, force: true });
  };
  const starting = await Promise.allSettled(nodes.map((node) => node.start()));
  const failed = starting.find((outcome) => outcome.status === 'rejected');
  if (failed) {
    await close(); // the nodes that did start are not left behind
    throw failed.reason;
  }
  return { url: nodes.map((node) => node.url).join(','), nodes, close };
}

export async function startRedis(): Promise<TestServer> {
  if (process.env.REDIS_URL) return external(process.env.REDIS_URL);
  if (onPath('redis-server')) {
    const port = await freePort();
    const server = localProcess('redis', port, 'redis-server', [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
    ]);
    await server.start();
    return server;
  }
  if (dockerRuns()) return container('redis:7-alpine', 6379, 'redis');
  throw new Error(
    'Integration tests need Redis: set REDIS_URL, or install redis-server (apt-get install redis-server), or run a Docker engine',
  );
}
