/**
 * Checks of the Kubernetes manifests (deploy/kubernetes) that need no cluster. Every manifest is validated strictly
 * against the Kubernetes 1.31 schemas by kubernetes-validate, which ships the schemas (kubeconform downloads them
 * at run time, which an offline build cannot do). Then what operations need of each Octroi service: probes on its
 * probe port, resources, an autoscaler and a disruption budget; the gateway behind an Ingress; NATS from the
 * official chart as a 3-node JetStream cluster with the servers' shared settings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments, parse } from 'yaml';
import { SERVICE_NAMES } from '@octroi/contracts';
import { environmentReadByCode } from './code-environment.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'deploy/kubernetes');
const KUBERNETES_VERSION = '1.31.0';

interface Resource {
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  spec?: any; // each kind has its own shape
  data?: Record<string, string>;
}

const files = readdirSync(DIR)
  .filter((name) => name.endsWith('.yaml'))
  .map((name) => join(DIR, name));
const resources: Resource[] = files.flatMap((file) =>
  parseAllDocuments(readFileSync(file, 'utf8')).map((document) => document.toJS() as Resource),
);
const find = (kind: string, name: string) => resources.find((r) => r.kind === kind && r.metadata.name === name);
const COMPONENTS = [...SERVICE_NAMES, 'gateway'];

const validator = spawnSync('python3', ['-m', 'kubernetes_validate', '--version'], { encoding: 'utf8' });
const hasValidator = validator.status === 0;
const mustValidate = process.env.CI === 'true' || process.env.OCTROI_REQUIRE_REAL_DATA === '1';

test(
  `every manifest is valid Kubernetes ${KUBERNETES_VERSION}, strictly (no unknown field)`,
  { skip: !hasValidator && !mustValidate && 'kubernetes-validate is not installed (pip install kubernetes-validate)' },
  () => {
    const run = spawnSync('python3', ['-m', 'kubernetes_validate', '-k', KUBERNETES_VERSION, '--strict', ...files], {
      encoding: 'utf8',
    });
    assert.equal(run.status, 0, run.stdout + run.stderr);
    const passed = (run.stdout + run.stderr).match(/ passed for resource /g) ?? [];
    assert.equal(passed.length, resources.length, 'each resource was validated');
  },
);

for (const component of COMPONENTS) {
  test(`${component}: a Deployment with probes on its probe port and resources, an autoscaler, a disruption budget`, () => {
    const name = `octroi-${component}`;
    const deployment = find('Deployment', name);
    assert.ok(deployment, `no Deployment ${name}`);
    const pod = deployment.spec.template;
    const container = pod.spec.containers[0];
    const probePort = component === 'gateway' ? 'http' : 'probes';
    const port = container.ports.find((p: { name: string }) => p.name === probePort)?.containerPort;
    const configured = component === 'gateway' ? '8080' : find('ConfigMap', 'octroi-services')!.data!.METRICS_PORT;
    assert.equal(String(port), configured, 'the probe port is the one the process opens');
    assert.deepEqual(
      [container.readinessProbe.httpGet, container.livenessProbe.httpGet],
      [
        { path: '/readyz', port: probePort },
        { path: '/healthz', port: probePort },
      ],
    );
    assert.ok(container.resources.requests.cpu && container.resources.requests.memory, 'requests');
    assert.ok(container.resources.limits.memory, 'a memory limit');

    const autoscaler = find('HorizontalPodAutoscaler', name);
    assert.deepEqual(autoscaler?.spec.scaleTargetRef, { apiVersion: 'apps/v1', kind: 'Deployment', name });
    assert.ok(autoscaler.spec.maxReplicas > autoscaler.spec.minReplicas);

    const budget = find('PodDisruptionBudget', name);
    assert.ok(budget, `no PodDisruptionBudget ${name}`);
    for (const [label, value] of Object.entries(budget.spec.selector.matchLabels as Record<string, string>))
      assert.equal(pod.metadata.labels[label], value, `the budget selects the pods (${label})`);
  });
}

test('services get the model bundle from an init container into a volume they mount read-only at MODEL_DIR', () => {
  const modelDir = find('ConfigMap', 'octroi-services')!.data!.MODEL_DIR;
  for (const component of SERVICE_NAMES) {
    const spec = find('Deployment', `octroi-${component}`)!.spec.template.spec;
    const copied = spec.initContainers[0].volumeMounts[0];
    const mounted = spec.containers[0].volumeMounts.find((m: { mountPath: string }) => m.mountPath === modelDir);
    assert.equal(copied.mountPath, modelDir, component);
    assert.equal(mounted?.name, copied.name, component);
    assert.equal(mounted.readOnly, true, component);
  }
});

test('the gateway is reached through an Ingress, to its Service, to its HTTP port', () => {
  const ingress = find('Ingress', 'octroi-gateway')!;
  const backend = ingress.spec.rules[0].http.paths[0].backend.service;
  const service = find('Service', backend.name)!;
  const servicePort = service.spec.ports.find((p: { name: string }) => p.name === backend.port.name);
  assert.equal(servicePort.targetPort, 'http');
  assert.deepEqual(service.spec.selector, find('Deployment', 'octroi-gateway')!.spec.selector.matchLabels);
});

test('every environment variable set for an Octroi container is one the code reads', () => {
  const readByCode = environmentReadByCode();
  const set = new Set(Object.keys(find('ConfigMap', 'octroi-services')!.data!));
  for (const component of COMPONENTS) {
    const container = find('Deployment', `octroi-${component}`)!.spec.template.spec.containers[0];
    for (const variable of container.env ?? []) set.add(variable.name);
  }
  assert.deepEqual(
    [...set].filter((variable) => !readByCode.has(variable)),
    [],
  );
});

test('NATS: the official chart as a JetStream cluster of three, with the settings every NATS server here uses', () => {
  const values = parse(readFileSync(join(DIR, 'helm/nats-values.yaml'), 'utf8'));
  assert.equal(values.config.cluster.enabled, true);
  assert.equal(values.config.cluster.replicas, 3);
  assert.equal(values.config.jetstream.enabled, true);
  assert.equal(values.config.jetstream.fileStore.pvc.enabled, true);
  const shared = Object.fromEntries(
    readFileSync(join(ROOT, 'deploy/nats/octroi.conf'), 'utf8')
      .split('\n')
      .filter((line) => /^\w+:/.test(line))
      .map((line) => line.split(/:\s*/) as [string, string])
      .map(([key, value]) => [key, JSON.parse(value)]),
  );
  assert.deepEqual(values.config.merge, shared);
  assert.equal(find('ConfigMap', 'octroi-services')!.data!.JETSTREAM_REPLICAS, '3');
});
