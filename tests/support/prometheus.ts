import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, ownedProcess, stopProcess } from '@octroi/runtime/testing';

const ROOT = resolve(import.meta.dirname, '../..');

export interface PrometheusAlert {
  labels: Record<string, string>;
  state: 'pending' | 'firing' | 'inactive';
  value: string;
}

/**
 * A real Prometheus (the Debian package) scraping the given targets every second and evaluating the repository's
 * alert rules (deploy/prometheus/alerts.yml) every second, on 127.0.0.1, with its data in a temporary folder.
 */
export async function startPrometheus(targets: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'octroi-prometheus-'));
  const port = await freePort();
  writeFileSync(
    join(dir, 'prometheus.yml'),
    JSON.stringify({
      global: { scrape_interval: '1s', evaluation_interval: '1s' },
      rule_files: [join(ROOT, 'deploy/prometheus/alerts.yml')],
      scrape_configs: [{ job_name: 'octroi', static_configs: [{ targets }] }],
    }),
  );
  const child = ownedProcess(
    spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: 'ignore' },
    ),
  );
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${url}/-/ready`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || child.exitCode !== null) {
      await stopProcess(child, 'SIGKILL');
      throw new Error('Prometheus did not become ready');
    }
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url,
    async alerts(): Promise<PrometheusAlert[]> {
      const body = (await (await fetch(`${url}/api/v1/alerts`)).json()) as { data: { alerts: PrometheusAlert[] } };
      return body.data.alerts;
    },
    async stop() {
      await stopProcess(child);
    },
  };
}
