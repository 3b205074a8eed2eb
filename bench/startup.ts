/**
 * Start-up time and memory of each component run from its TypeScript sources through tsx (development, tests)
 * against its compiled JavaScript (production: `node <component>/dist/main.js`), measured in the same run.
 * Each component starts alone on the in-process bus with the shipped bundle; the two ways alternate run by run,
 * so that whatever else the machine does slows both.
 *
 *   node --conditions=source --import tsx bench/startup.ts [--runs 5] [--only scoring,gateway]
 *
 * Start-up: from spawning the process to its first 200 on /readyz (services, on METRICS_PORT) or /healthz (the
 * gateway, whose readiness needs the services). CPU: user + system time of the process by then, which a busy
 * machine disturbs less than the wall clock. Memory: resident set size once ready.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { defaultModelDir, loadBundle } from '@octroi/model-bundle';
import { FROM_SOURCES, freePort } from '@octroi/runtime/testing';
import { COMPONENT_FOLDER, compiledEntry, type Component } from '../scripts/topology.ts';
import { cpuMilliseconds, rssMegabytes } from './process-cpu.ts';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string', default: Object.keys(COMPONENT_FOLDER).join(',') },
  },
});
const runs = Number(values.runs);
const components = values.only.split(',') as Component[];

type Way = 'tsx' | 'compiled';
interface Start {
  milliseconds: number;
  cpuMilliseconds: number;
  rssMegabytes: number;
}

const commandOf = (component: Component, way: Way) =>
  way === 'compiled' ? [compiledEntry(component)] : [...FROM_SOURCES, `${COMPONENT_FOLDER[component]}/src/main.ts`];

const processFigures = (pid: number) => ({ cpuMilliseconds: cpuMilliseconds(pid), rssMegabytes: rssMegabytes(pid) });

async function startOnce(component: Component, way: Way): Promise<Start> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'octroi-startup-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    LOG_LEVEL: 'warn',
    AUDIT_FILE: join(data, 'audit.jsonl'),
    OCTROI_DATA_DIR: data,
    OCTROI_DEMO_PASSWORD: 'bench-startup',
    ...(component === 'gateway' ? { PORT: String(port) } : { METRICS_PORT: String(port) }),
  };
  delete env.NATS_URL;
  delete env.REDIS_URL;
  const path = component === 'gateway' ? '/healthz' : '/readyz';
  const started = performance.now();
  const child = spawn(process.execPath, commandOf(component, way), { cwd: ROOT, env, stdio: 'ignore' });
  const exited = new Promise((done) => child.once('exit', done));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${component} (${way}) exited with ${child.exitCode}`);
      const response = await fetch(`http://127.0.0.1:${port}${path}`).catch(() => undefined);
      if (response?.ok) break;
      if (performance.now() - started > 120_000) throw new Error(`${component} (${way}) not ready after 120 s`);
      await new Promise((done) => setTimeout(done, 20));
    }
    return { milliseconds: performance.now() - started, ...processFigures(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

// The compiled side must be today's code.
execFileSync(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '--build'], { cwd: ROOT });
const bundle = await loadBundle(defaultModelDir());

const rows: string[] = [];
for (const component of components) {
  const starts: Record<Way, Start[]> = { tsx: [], compiled: [] };
  for (let run = 0; run < runs; run++) {
    // Alternate which way goes first, so neither always starts on a warmer file cache.
    const order: Way[] = run % 2 ? ['compiled', 'tsx'] : ['tsx', 'compiled'];
    for (const way of order) {
      starts[way].push(await startOnce(component, way));
      process.stderr.write(`${component} ${way} run ${run + 1}/${runs}\n`);
    }
  }
  const figure = (way: Way, key: keyof Start) => median(starts[way].map((start) => start[key]));
  const ratio = (key: keyof Start) => (figure('compiled', key) / figure('tsx', key)).toFixed(2);
  rows.push(
    `| ${component} | ${figure('tsx', 'milliseconds').toFixed(0)} | ${figure('compiled', 'milliseconds').toFixed(0)} | ${ratio('milliseconds')} ` +
      `| ${figure('tsx', 'cpuMilliseconds').toFixed(0)} | ${figure('compiled', 'cpuMilliseconds').toFixed(0)} | ${ratio('cpuMilliseconds')} ` +
      `| ${figure('tsx', 'rssMegabytes').toFixed(0)} | ${figure('compiled', 'rssMegabytes').toFixed(0)} | ${ratio('rssMegabytes')} |`,
  );
}

console.log(
  `Model ${bundle.version}; ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}; median of ${runs} starts each.\n`,
);
console.log(
  '| component | start-up, tsx (ms) | compiled (ms) | ratio | CPU, tsx (ms) | compiled (ms) | ratio | RSS, tsx (MB) | compiled (MB) | ratio |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
