/**
 * Checks of the container deployment that need no Docker engine: docker-compose.yml, the Dockerfiles, the
 * Prometheus configuration and the alert rules, against the repository and the code they run.
 * `docker compose config` and `promtool` add their own validation when they are installed.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { environmentReadByCode } from './code-environment.ts';
import { DRIFT_MINIMUM_APPLICATIONS, DRIFT_THRESHOLDS } from '@octroi/contracts';
import { COMPONENT_FOLDER, compiledEntry } from '../../scripts/topology.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
// Merge keys (<<: *anchor) are how docker-compose.yml shares settings between services.
const readYaml = <T>(path: string) => parse(read(path), { merge: true }) as T;

interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  command?: string | string[];
  environment?: Record<string, string | number | boolean | null> | string[];
  ports?: Array<string | { target: number; published?: string | number }>;
  volumes?: Array<string | { type?: string; source?: string; target: string; read_only?: boolean }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  restart?: string;
  deploy?: { replicas?: number | string };
  profiles?: string[];
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

const compose = readYaml<Compose>('docker-compose.yml');
const services = Object.entries(compose.services);
/** The services built from this repository, as opposed to NATS, Redis and Prometheus images. */
const OCTROI = ['scoring', 'clients', 'explain', 'monitoring', 'gateway'] as const;

function environmentOf(service: ComposeService): Record<string, string> {
  const env = service.environment ?? {};
  if (Array.isArray(env))
    return Object.fromEntries(env.map((entry) => [entry.split('=')[0]!, entry.split('=').slice(1).join('=')]));
  return Object.fromEntries(Object.entries(env).map(([name, value]) => [name, String(value ?? '')]));
}

interface Build {
  context: string;
  dockerfile: string;
  args: Record<string, string>;
}

function buildOf(service: ComposeService): Build | undefined {
  if (service.build === undefined) return undefined;
  if (typeof service.build === 'string') return { context: service.build, dockerfile: 'Dockerfile', args: {} };
  const { context = '.', dockerfile = 'Dockerfile', args = {} } = service.build;
  return { context, dockerfile, args };
}

interface Instruction {
  keyword: string;
  args: string;
  /** Index of the FROM it belongs to. */
  stage: number;
}

function dockerfileInstructions(text: string): Instruction[] {
  const logical = text
    .split('\n')
    .filter((line) => !line.trim().startsWith('#'))
    .join('\n')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  let stage = -1;
  return logical.map((line) => {
    const [keyword = '', ...rest] = line.split(/\s+/);
    if (keyword.toUpperCase() === 'FROM') stage++;
    return { keyword: keyword.toUpperCase(), args: rest.join(' '), stage };
  });
}

/**
 * The instructions that make the image a build produces: the last stage, with build arguments substituted, and
 * the stages it is built FROM, base first. Also the base images pulled from a registry, for every stage.
 */
function imageOf(text: string, buildArgs: Record<string, string>) {
  const instructions = dockerfileInstructions(text);
  const substitute = (value: string) => value.replace(/\$\{?([A-Z_]+)\}?/g, (_, name: string) => buildArgs[name] ?? '');
  const stages = instructions
    .filter(({ keyword }) => keyword === 'FROM')
    .map(({ args, stage }) => {
      const [from = '', , name] = substitute(args).split(/\s+/);
      return { from, name, stage };
    });
  const chain: number[] = [];
  for (let stage = stages.at(-1); stage; stage = stages.find(({ name }) => name === stage.from)) {
    chain.unshift(stage.stage);
  }
  const final = chain.flatMap((index) => instructions.filter(({ stage }) => stage === index));
  const baseImages = stages.map(({ from }) => from).filter((from) => !stages.some(({ name }) => name === from));
  return { instructions, final, baseImages };
}

/** Sources of a COPY from the build context; none for COPY --from=<stage>. */
function copySources(args: string): string[] {
  const words = args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : args.split(/\s+/);
  if (words.some((word) => word.startsWith('--from='))) return [];
  const paths = words.filter((word) => !word.startsWith('--'));
  return paths.slice(0, -1);
}

/** .dockerignore patterns as regular expressions over context-relative paths (no negations used here). */
function dockerignore(context: string): RegExp[] {
  const file = join(context, '.dockerignore');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#') && !line.startsWith('!'))
    .map((pattern) => {
      const source = normalize(pattern).replace(/^\/+|\/+$/g, '');
      const body = source
        .split('/')
        .map((part) =>
          part === '**'
            ? '.*'
            : part
                .replace(/[.+^${}()|[\]\\]/g, '\\$&')
                .replace(/\*/g, '[^/]*')
                .replace(/\?/g, '[^/]'),
        )
        .join('/')
        .replace(/\.\*\//g, '(?:.*/)?');
      return new RegExp(`^${body}$`);
    });
}

/** Whether the path, or a folder it is in, is left out of the build context. */
function ignored(path: string, patterns: RegExp[]): boolean {
  const parts = normalize(path).replace(/\/+$/, '').split('/');
  return parts.some((_, i) => patterns.some((pattern) => pattern.test(parts.slice(0, i + 1).join('/'))));
}

/** Metric names the code registers (the runtime's and the monitoring service's), with the series a histogram adds. */
function registeredMetrics(): Set<string> {
  const text = ['packages/runtime/src/metrics.ts', 'services/monitoring/src/monitoring-metrics.ts']
    .map(read)
    .join('\n');
  const names = new Set<string>();
  for (const match of text.matchAll(/new (Counter|Gauge|Histogram)\(\{\s*name:\s*'([a-z0-9_]+)'/g)) {
    const [, kind, name] = match as unknown as [string, string, string];
    names.add(name);
    if (kind === 'Histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

function available(command: string, args: string[]): boolean {
  return spawnSync(command, args, { stdio: 'ignore' }).status === 0;
}
const composeCli: string[] | undefined = available('docker', ['compose', 'version'])
  ? ['docker', 'compose']
  : available('docker-compose', ['version'])
    ? ['docker-compose']
    : undefined;
const hasPromtool = available('promtool', ['--version']);

const NATS_NODES = ['nats-1', 'nats-2', 'nats-3'];
const NATS_URL = NATS_NODES.map((node) => `nats://${node}:4222`).join(',');

test('docker-compose.yml parses and runs three NATS servers, Redis, the four services and the gateway', () => {
  for (const name of [...NATS_NODES, 'redis', ...OCTROI]) assert.ok(compose.services[name], `no service ${name}`);
});

test('every service has a health check and restarts unless stopped', () => {
  for (const [name, service] of services) {
    const check = service.healthcheck?.test;
    assert.ok(check && check.length > 0 && !service.healthcheck?.disable, `${name} has no health check`);
    assert.equal(service.restart, 'unless-stopped', `${name}: restart`);
  }
});

test('only the gateway publishes a port, its HTTP port 8080', () => {
  const publishing = services.filter(([, service]) => (service.ports ?? []).length > 0).map(([name]) => name);
  assert.deepEqual(publishing, ['gateway']);
  const ports = compose.services.gateway!.ports!.map((port) =>
    typeof port === 'string' ? port.split(':').at(-1) : String(port.target),
  );
  assert.deepEqual(ports, ['8080']);
  assert.equal(environmentOf(compose.services.gateway!).PORT, '8080');
  assert.equal(environmentOf(compose.services.gateway!).HOST, '0.0.0.0');
});

test('replicas of each Octroi service come from its own variable, the one scripts/start.ts reads too', () => {
  const start = read('scripts/start.ts');
  for (const name of OCTROI) {
    const replicas = String(compose.services[name]!.deploy?.replicas ?? '');
    const variable = `${name.toUpperCase()}_REPLICAS`;
    assert.match(replicas, new RegExp(`^\\$\\{${variable}:-\\d+\\}$`), `${name}: deploy.replicas`);
    assert.ok(start.includes(`process.env.${variable}`), `scripts/start.ts does not read ${variable}`);
  }
});

test('every environment variable set for an Octroi container is one the code reads', () => {
  const readByCode = environmentReadByCode();
  for (const name of OCTROI) {
    const unknown = Object.keys(environmentOf(compose.services[name]!)).filter((variable) => !readByCode.has(variable));
    assert.deepEqual(unknown, [], `${name} sets variables no code reads`);
  }
});

test('the gateway gets NATS and the shared cache in Redis, where it reads recorded decisions', () => {
  const env = environmentOf(compose.services.gateway!);
  assert.equal(env.NATS_URL, NATS_URL);
  assert.equal(env.REDIS_URL, 'redis://redis:6379');
});

test('the services get NATS, Redis and the model bundle mounted read-only at MODEL_DIR, and serve probes on METRICS_PORT', () => {
  for (const name of ['scoring', 'clients', 'explain', 'monitoring']) {
    const service = compose.services[name]!;
    const env = environmentOf(service);
    assert.equal(env.NATS_URL, NATS_URL, `${name}: NATS_URL`);
    assert.equal(env.REDIS_URL, 'redis://redis:6379', `${name}: REDIS_URL`);
    assert.match(env.METRICS_PORT ?? '', /^\d+$/, `${name}: METRICS_PORT`);
    const mounts = (service.volumes ?? []).map((volume) =>
      typeof volume === 'string' ? volume : `${volume.source}:${volume.target}${volume.read_only ? ':ro' : ''}`,
    );
    assert.ok(
      mounts.some((mount) => mount.endsWith(`:${env.MODEL_DIR}:ro`)),
      `${name}: no read-only mount at MODEL_DIR (${env.MODEL_DIR})`,
    );
  }
});

test('each NATS server keeps JetStream on its own named volume, routes to the two others, and reads the shared settings', () => {
  const stores = new Set<string>();
  for (const node of NATS_NODES) {
    const nats = compose.services[node]!;
    const args = Array.isArray(nats.command) ? nats.command : (nats.command ?? '').split(/\s+/);
    const value = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
    assert.ok(args.includes('-js'), `${node}: JetStream is off`);
    assert.equal(value('-m'), '8222', `${node}: monitoring port`);
    assert.equal(value('--server_name'), node);
    assert.equal(value('--cluster_name'), 'octroi');
    const others = NATS_NODES.filter((other) => other !== node).map((other) => `nats://${other}:6222`);
    assert.deepEqual(value('--routes')?.split(','), others, `${node}: routes`);
    const mounts = (nats.volumes ?? []).filter((mount): mount is string => typeof mount === 'string');
    const store = mounts.find((mount) => mount.endsWith(`:${value('-sd')}`))?.split(':')[0];
    assert.ok(
      store && compose.volumes && store in compose.volumes,
      `${node}: the JetStream store is not a named volume`,
    );
    stores.add(store);
    assert.ok(mounts.includes(`./deploy/nats/octroi.conf:${value('-c')}:ro`), `${node}: deploy/nats/octroi.conf`);
  }
  assert.equal(stores.size, NATS_NODES.length, 'each server has a store of its own');
  assert.match(read('deploy/nats/octroi.conf'), /^ping_interval: "\d+s"$/m);
});

for (const name of OCTROI) {
  test(`${name}: the build context, the Dockerfile and every file it copies exist and are not ignored`, () => {
    const build = buildOf(compose.services[name]!);
    assert.ok(build, `${name} has no build`);
    const context = resolve(ROOT, build.context);
    const dockerfile = resolve(context, build.dockerfile);
    assert.ok(existsSync(context), `no build context ${build.context}`);
    assert.ok(existsSync(dockerfile), `no Dockerfile ${build.dockerfile}`);
    const patterns = dockerignore(context);
    for (const { keyword, args } of dockerfileInstructions(readFileSync(dockerfile, 'utf8'))) {
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      for (const source of copySources(args)) {
        assert.ok(existsSync(join(context, source)), `${build.dockerfile} copies ${source}, which does not exist`);
        assert.ok(!ignored(source, patterns), `${build.dockerfile} copies ${source}, which .dockerignore leaves out`);
      }
    }
  });

  test(`${name}: the image runs its compiled JavaScript with production packages only, as node, with a health check`, () => {
    const build = buildOf(compose.services[name]!)!;
    assert.equal(build.args.SERVICE, name, 'the shared Dockerfile is told which component to build');
    const text = readFileSync(resolve(ROOT, build.context, build.dockerfile), 'utf8');
    const { instructions, final, baseImages } = imageOf(text, build.args);
    const argsOf = (keyword: string) =>
      final.filter((instruction) => instruction.keyword === keyword).map(({ args }) => args);

    for (const image of baseImages) assert.match(image, /^node:20-bookworm-slim\b/);
    const runs = instructions.filter(({ keyword }) => keyword === 'RUN').map(({ args }) => args);
    assert.ok(
      runs.some((args) => /\btsc --build\b/.test(args)),
      'no tsc --build',
    );
    assert.ok(
      runs.some((args) => /npm ci --omit=dev\b.* -w @octroi\/\$\{SERVICE\}/.test(args)),
      'no npm ci --omit=dev -w @octroi/${SERVICE}',
    );
    assert.equal(argsOf('USER').at(-1), 'node');
    assert.equal(argsOf('STOPSIGNAL').at(-1), 'SIGTERM');
    assert.ok(argsOf('HEALTHCHECK').length === 1, 'no HEALTHCHECK');

    // What production runs: node on the entry point tsc compiles from the component's src/main.ts.
    const command = JSON.parse(argsOf('CMD').at(-1) ?? '[]') as string[];
    assert.deepEqual(command, ['node', compiledEntry(name)]);
    const folder = COMPONENT_FOLDER[name];
    const tsconfig = JSON.parse(read(`${folder}/tsconfig.json`)) as { compilerOptions: Record<string, string> };
    assert.deepEqual([tsconfig.compilerOptions.rootDir, tsconfig.compilerOptions.outDir], ['src', 'dist']);
    assert.ok(existsSync(join(ROOT, folder, 'src/main.ts')), `no ${folder}/src/main.ts`);

    // Settings baked into the image obey the same rule as those in the compose file.
    const readByCode = environmentReadByCode();
    const baked = argsOf('ENV').flatMap((args) => [...args.matchAll(/([A-Z0-9_]+)=/g)].map((match) => match[1]!));
    // NODE_ENV is read by libraries, not by Octroi's code.
    assert.deepEqual(
      baked.filter((variable) => variable !== 'NODE_ENV' && !readByCode.has(variable)),
      [],
    );
  });
}

test('npm start and the topology script run the compiled JavaScript, which the build has written', () => {
  const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
  assert.equal(scripts.start, 'tsc --build && node scripts/dist/start.js');
  assert.equal(scripts['start:distributed'], 'tsc --build && node scripts/dist/start.js --distributed');
  for (const name of OCTROI) {
    assert.ok(existsSync(join(ROOT, compiledEntry(name))), `no ${compiledEntry(name)}: run npm run build first`);
  }
});

test('every workspace exports its compiled dist/ by default and its sources under the "source" condition', () => {
  const workspaces = (JSON.parse(read('package.json')) as { workspaces: string[] }).workspaces;
  type Target = { source?: string; default?: string };
  let checked = 0;
  for (const workspace of workspaces) {
    const manifest = JSON.parse(read(`${workspace}/package.json`)) as { exports?: Record<string, Target> };
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const where = `${workspace} exports ${subpath}`;
      assert.match(target.source ?? '', /^\.\/src\/.+\.ts$/, where);
      assert.equal(target.default, target.source!.replace(/^\.\/src\//, './dist/').replace(/\.ts$/, '.js'), where);
      assert.ok(existsSync(join(ROOT, workspace, target.source!)), `${where}: no ${target.source}`);
      assert.ok(existsSync(join(ROOT, workspace, target.default)), `${where}: no ${target.default} (npm run build)`);
      checked++;
    }
  }
  assert.ok(checked >= 7, `${checked} exports checked`);
});

test('.dockerignore keeps local state and installed packages out of the build context', () => {
  const patterns = dockerignore(ROOT);
  for (const path of [
    'node_modules',
    'web/node_modules',
    'packages/runtime/node_modules',
    '.git',
    'var',
    'test-artifacts',
    'training',
  ]) {
    assert.ok(ignored(path, patterns), `${path} is sent to the build`);
  }
  for (const path of ['package-lock.json', 'packages/runtime/src', 'web/src', 'deploy/docker/healthcheck.mjs']) {
    assert.ok(!ignored(path, patterns), `${path} is left out of the build`);
  }
});

test('the image health check exits 0 on a ready process and 1 otherwise', async () => {
  let ready = true;
  const server = createServer((request, response) => {
    response.writeHead(request.url === '/readyz' && ready ? 200 : 503).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as AddressInfo).port;
  const check = (env: Record<string, string>) => {
    const child = spawn(process.execPath, [join(ROOT, 'deploy/docker/healthcheck.mjs')], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: 'ignore',
    });
    return new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  };
  try {
    assert.equal(await check({ METRICS_PORT: String(port) }), 0);
    assert.equal(await check({ PORT: String(port) }), 0, 'the gateway has no METRICS_PORT: PORT');
    ready = false;
    assert.equal(await check({ METRICS_PORT: String(port) }), 1);
  } finally {
    server.close();
  }
});

interface ScrapeConfig {
  job_name: string;
  metrics_path?: string;
  dns_sd_configs?: Array<{ names: string[]; type?: string; port?: number }>;
  static_configs?: Array<{ targets: string[] }>;
}
interface PrometheusConfig {
  rule_files?: string[];
  scrape_configs?: ScrapeConfig[];
}

test('Prometheus, in the monitoring profile, scrapes the gateway and every service on its metrics port', () => {
  const prometheus = compose.services.prometheus;
  assert.ok(prometheus, 'no prometheus service');
  assert.deepEqual(prometheus.profiles, ['monitoring']);
  assert.ok(
    (prometheus.volumes ?? []).some((mount) => typeof mount === 'string' && mount.startsWith('./deploy/prometheus:')),
  );

  const config = readYaml<PrometheusConfig>('deploy/prometheus/prometheus.yml');
  for (const file of config.rule_files ?? [])
    assert.ok(existsSync(join(ROOT, 'deploy/prometheus', file)), `no rule file ${file}`);
  assert.ok((config.rule_files ?? []).includes('alerts.yml'));

  const targets = new Set(
    (config.scrape_configs ?? []).flatMap((job) => [
      ...(job.dns_sd_configs ?? []).flatMap((sd) =>
        sd.names.map((host) => `${host.replace(/^tasks\./, '')}:${sd.port}`),
      ),
      ...(job.static_configs ?? []).flatMap((group) => group.targets),
    ]),
  );
  for (const name of OCTROI) {
    const env = environmentOf(compose.services[name]!);
    const port = name === 'gateway' ? env.PORT : env.METRICS_PORT;
    assert.ok(targets.has(`${name}:${port}`), `Prometheus does not scrape ${name}:${port}`);
  }
});

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

test('alert rules parse, cover error rate and p99 latency, and use only metrics the code registers', () => {
  const rules = readYaml<{ groups: Array<{ name: string; rules: Rule[] }> }>(
    'deploy/prometheus/alerts.yml',
  ).groups.flatMap((group) => group.rules);
  assert.ok(rules.length > 0);
  const metrics = registeredMetrics();
  assert.ok(
    metrics.has('octroi_handled_total') && metrics.has('octroi_handle_duration_seconds_bucket'),
    'metrics.ts was not read',
  );

  for (const rule of rules) {
    assert.ok(rule.alert && rule.expr, 'a rule without alert or expr');
    assert.ok(rule.labels?.severity, `${rule.alert}: no severity`);
    assert.ok(rule.annotations?.summary, `${rule.alert}: no summary`);
    for (const [name] of rule.expr.matchAll(/\boctroi_[a-z0-9_]+/g)) {
      assert.ok(metrics.has(name), `${rule.alert} uses ${name}, which no metrics file registers`);
    }
  }
  const exprs = rules.map((rule) => rule.expr.replace(/\s+/g, ' '));
  assert.ok(
    exprs.some((expr) => expr.includes('octroi_handled_total{code=')),
    'no error-rate alert on octroi_handled_total',
  );
  for (const histogram of ['octroi_handle_duration_seconds_bucket', 'octroi_bus_request_duration_seconds_bucket']) {
    assert.ok(
      exprs.some((expr) => expr.includes('histogram_quantile(0.99') && expr.includes(histogram)),
      `no p99 alert on ${histogram}`,
    );
  }
});

test('docker compose config accepts the file, with and without the monitoring profile', () => {
  assert.ok(
    composeCli,
    'docker compose (or docker-compose) is needed to validate the file: scripts/setup.sh installs it',
  );
  const [command, ...prefix] = composeCli;
  for (const profile of [[], ['--profile', 'monitoring']]) {
    const result = spawnSync(command!, [...prefix, '-f', 'docker-compose.yml', ...profile, 'config', '-q'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(result.status, 0, result.stderr);
  }
});

test('promtool accepts the Prometheus configuration and the rules', () => {
  assert.ok(
    hasPromtool,
    'promtool is needed to validate the rules: scripts/setup.sh installs it (Debian package prometheus)',
  );
  const dir = join(ROOT, 'deploy/prometheus');
  for (const args of [
    ['check', 'config', 'prometheus.yml'],
    ['check', 'rules', 'alerts.yml'],
  ]) {
    const result = spawnSync('promtool', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stdout + result.stderr);
  }
});

test('drift alerts fire at the thresholds the dashboard shows, per window, and not on a handful of applications', () => {
  const rules = readYaml<{ groups: Array<{ name: string; rules: Rule[] }> }>(
    'deploy/prometheus/alerts.yml',
  ).groups.flatMap((group) => group.rules);
  const thresholdOf = (alert: string) => {
    const expr = rules.find((rule) => rule.alert === alert)?.expr ?? '';
    assert.match(expr, /octroi_population_stability_index/, `${alert} reads the stability index`);
    assert.match(expr, new RegExp(`octroi_monitored_applications\\) >= ${DRIFT_MINIMUM_APPLICATIONS}\\b`));
    assert.match(expr, /by \(model_version, feature, window\)/);
    return Number(/octroi_population_stability_index[^>]*> ([0-9.]+)/.exec(expr)?.[1]);
  };
  assert.equal(thresholdOf('OctroiFeatureDriftWatch'), DRIFT_THRESHOLDS.warn);
  assert.equal(thresholdOf('OctroiFeatureDriftAct'), DRIFT_THRESHOLDS.act);
});

interface GrafanaPanel {
  type: string;
  title: string;
  fieldConfig?: { defaults?: { unit?: string; custom?: { axisLabel?: string } } };
  targets?: Array<{ expr: string }>;
}

test('the Grafana dashboard beside the rules reads registered metrics, every chart axis labelled with its unit', () => {
  const dashboard = JSON.parse(read('deploy/prometheus/grafana-dashboard.json')) as {
    panels: GrafanaPanel[];
    templating: { list: Array<{ name: string }> };
  };
  const metrics = registeredMetrics();
  const variables = new Set(dashboard.templating.list.map((variable) => variable.name));
  assert.ok(dashboard.panels.length >= 5);
  for (const panel of dashboard.panels) {
    assert.ok(panel.fieldConfig?.defaults?.unit, `${panel.title}: no unit`);
    if (panel.type === 'timeseries')
      assert.match(
        panel.fieldConfig.defaults.custom?.axisLabel ?? '',
        /\(.+\)/,
        `${panel.title}: the axis label names no unit`,
      );
    for (const { expr } of panel.targets ?? []) {
      for (const [name] of expr.matchAll(/\boctroi_[a-z0-9_]+/g))
        assert.ok(metrics.has(name), `${panel.title} reads ${name}`);
      for (const [, variable] of expr.matchAll(/\$([a-z_]+)/g))
        assert.ok(variables.has(variable!), `${panel.title}: $${variable}`);
    }
  }
  const shown = dashboard.panels
    .flatMap((panel) => panel.targets ?? [])
    .map((target) => target.expr)
    .join('\n');
  for (const name of ['octroi_population_stability_index', 'octroi_decision_share', 'octroi_approval_rate'])
    assert.ok(shown.includes(name), `no panel shows ${name}`);
});
