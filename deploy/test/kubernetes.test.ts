/**
 * Checks of the Kubernetes manifests (deploy/kubernetes) that need no cluster. Every manifest is validated by
 * kubeconform, strictly, against the Kubernetes 1.31 schemas read from disk (see kubeconform.ts). Then what
 * operations need of each Octroi service: probes on its probe port, resources, an autoscaler and a disruption budget;
 * the models volume every service reads and the Job that installs bundles into it; the gateway behind an Ingress;
 * NATS from the official chart as a 3-node JetStream cluster with the servers' shared settings.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments, parse } from 'yaml';
import { SERVICE_NAMES } from '@octroi/contracts';
import { BundleCatalogue, defaultModelDir } from '@octroi/model-bundle';
import { environmentReadByCode } from './code-environment.ts';
import { findKubeconform, kubernetesValidateSchemas, writeKubeconformSchemas } from './kubeconform.ts';

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
const settings = () => find('ConfigMap', 'octroi-services')!.data!;

const kubeconform = findKubeconform(ROOT);
const schemas = kubernetesValidateSchemas();
const mustValidate = process.env.CI === 'true' || process.env.OCTROI_REQUIRE_REAL_DATA === '1';
const cannotValidate =
  (!kubeconform && 'kubeconform is not installed (scripts/setup.sh installs it with Go)') ||
  (!schemas && 'kubernetes-validate, whose schemas kubeconform reads, is not installed (deploy/requirements.txt)');

interface KubeconformReport {
  resources: { kind: string; name: string; status: string; msg: string }[];
  summary: { valid: number; invalid: number; errors: number; skipped: number };
}

/** kubeconform's JSON report of `manifests`, strict, against the schemas on disk. */
async function validate(manifests: string[]) {
  if (cannotValidate) assert.fail(cannotValidate);
  const folder = await mkdtemp(join(tmpdir(), 'octroi-kubeconform-'));
  try {
    const location = await writeKubeconformSchemas(schemas!, folder, KUBERNETES_VERSION);
    const args = ['-strict', '-summary', '-output', 'json', '-kubernetes-version', KUBERNETES_VERSION];
    const run = spawnSync(kubeconform!, [...args, '-schema-location', location, ...manifests], { encoding: 'utf8' });
    assert.equal(run.error, undefined);
    return { status: run.status, report: JSON.parse(run.stdout) as KubeconformReport, stderr: run.stderr };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

const skipValidation = !mustValidate && cannotValidate;

test(
  `every manifest is valid Kubernetes ${KUBERNETES_VERSION} for kubeconform, strictly, none skipped`,
  { skip: skipValidation },
  async () => {
    const { status, report, stderr } = await validate(files);
    assert.deepEqual(report.resources, [], stderr);
    assert.deepEqual(report.summary, { valid: resources.length, invalid: 0, errors: 0, skipped: 0 });
    assert.equal(status, 0);
  },
);

test(
  'kubeconform here refuses an unknown field and a kind it has no schema for (a NATS JetStream resource)',
  { skip: skipValidation },
  async () => {
    const folder = await mkdtemp(join(tmpdir(), 'octroi-manifests-'));
    try {
      const wrong = structuredClone(find('Deployment', 'octroi-scoring')!);
      wrong.spec.template.spec.containers[0].imagePullPolicyy = 'Always';
      const stream = { apiVersion: 'jetstream.nats.io/v1beta2', kind: 'Stream', metadata: { name: 'audit' } };
      const manifest = join(folder, 'wrong.yaml');
      await writeFile(manifest, [wrong, stream].map((resource) => JSON.stringify(resource)).join('\n---\n'));
      const { status, report } = await validate([manifest]);
      assert.notEqual(status, 0);
      assert.deepEqual(report.summary, { valid: 0, invalid: 1, errors: 1, skipped: 0 });
      const [invalid, missing] = ['statusInvalid', 'statusError'].map((s) =>
        report.resources.find((r) => r.status === s)!,
      );
      assert.match(invalid!.msg, /imagePullPolicyy/);
      assert.match(missing!.msg, /could not find schema for Stream/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
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
    const configured = component === 'gateway' ? '8080' : settings().METRICS_PORT;
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

test('every service reads the models volume read-only, where MODELS_DIR and MODEL_DIR lie; the install Job writes it', () => {
  const job = find('Job', 'octroi-model-install')!.spec.template.spec;
  const jobMount = job.containers[0].volumeMounts[0];
  const claim = job.volumes.find((v: { name: string }) => v.name === jobMount.name).persistentVolumeClaim.claimName;
  assert.ok(find('PersistentVolumeClaim', claim), `no PersistentVolumeClaim ${claim}`);
  assert.equal(job.containers[0].command.at(-1), jobMount.mountPath, 'the Job installs into the volume it mounts');
  for (const component of SERVICE_NAMES) {
    const spec = find('Deployment', `octroi-${component}`)!.spec.template.spec;
    const volume = spec.volumes.find((v: { persistentVolumeClaim?: { claimName: string } }) => v.persistentVolumeClaim);
    const mount = spec.containers[0].volumeMounts.find((m: { name: string }) => m.name === volume.name);
    assert.deepEqual([volume.persistentVolumeClaim.claimName, mount.mountPath], [claim, jobMount.mountPath], component);
    assert.equal(mount.readOnly, true, component);
  }
  for (const variable of ['MODELS_DIR', 'MODEL_DIR'])
    assert.ok(settings()[variable]!.startsWith(`${jobMount.mountPath}/`), `${variable} is in the models volume`);
});

test('install-bundle.sh lays bundles out where MODELS_DIR and MODEL_DIR look: a bundle installed later is listed, not served', async () => {
  const volume = await mkdtemp(join(tmpdir(), 'octroi-models-volume-'));
  const later = await mkdtemp(join(tmpdir(), 'octroi-later-bundle-'));
  try {
    const mountPath = find('Job', 'octroi-model-install')!.spec.template.spec.containers[0].volumeMounts[0].mountPath;
    const inVolume = (variable: string) => join(volume, relative(mountPath, settings()[variable]!));
    const install = (bundle: string) =>
      spawnSync('sh', [join(DIR, 'install-bundle.sh'), bundle, volume], { encoding: 'utf8' });
    const shipped = defaultModelDir({});
    const shippedVersion = JSON.parse(readFileSync(join(shipped, 'manifest.json'), 'utf8')).version;
    // A newer bundle: were MODEL_DIR not honoured, the newest would become the champion as soon as it is copied in.
    await writeFile(
      join(later, 'manifest.json'),
      JSON.stringify({ version: 'later-1', createdAt: '2999-01-01T00:00:00Z' }),
    );

    for (const bundle of [shipped, later, later]) {
      const run = install(bundle);
      assert.equal(run.status, 0, run.stderr);
    }
    const catalogue = BundleCatalogue.fromEnvironment({
      MODELS_DIR: inVolume('MODELS_DIR'),
      MODEL_DIR: inVolume('MODEL_DIR'),
    });
    assert.deepEqual(
      (await catalogue.entries()).map((entry) => entry.version).sort(),
      [shippedVersion, 'later-1'].sort(),
    );
    assert.equal((await catalogue.defaultChampion()).version, shippedVersion);

    await writeFile(join(later, 'manifest.json'), JSON.stringify({ version: '../outside' }));
    const refused = install(later);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /no usable version/);
    assert.deepEqual((await readdir(volume)).sort(), ['bundles', 'default', 'incoming']);
  } finally {
    await Promise.all([volume, later].map((folder) => rm(folder, { recursive: true, force: true })));
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
  const set = new Set(Object.keys(settings()));
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
  assert.equal(settings().JETSTREAM_REPLICAS, '3');
});
