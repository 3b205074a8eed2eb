/**
 * kubeconform without a network. kubeconform reads the Kubernetes JSON schemas from a path template; offline, they
 * come from the kubernetes-validate package (PyPI, deploy/requirements.txt), which ships them for each Kubernetes
 * version as `v<version>-local-strict/<kind>-<group>-<version>.json`. Those files point into one shared
 * `_definitions.json` by a path under their `$id` (https://kubernetes.io/api/...), which kubeconform would try to
 * download. `writeKubeconformSchemas` copies them into kubeconform's own layout with every such reference made
 * relative to the file beside it and the `$id` dropped, so that each reference is a file on disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** kubeconform's own layout, strict schemas only (`-strict` is always asked). */
const LAYOUT =
  '{{ .NormalizedKubernetesVersion }}-standalone{{ .StrictSuffix }}/{{ .ResourceKind }}{{ .KindSuffix }}.json';

/** Where scripts/setup.sh installs kubeconform (from the Go module proxy), else the one on the PATH. */
export function findKubeconform(root: string): string | undefined {
  const installed = join(root, 'var/tools/kubeconform');
  if (existsSync(installed)) return installed;
  return spawnSync('kubeconform', ['-v']).status === 0 ? 'kubeconform' : undefined;
}

/** The schema folder of the installed kubernetes-validate package, if any. */
export function kubernetesValidateSchemas(): string | undefined {
  const found = spawnSync(
    'python3',
    ['-c', 'import kubernetes_validate, os; print(os.path.dirname(kubernetes_validate.__file__))'],
    { encoding: 'utf8' },
  );
  return found.status === 0 ? join(found.stdout.trim(), 'kubernetes-json-schema') : undefined;
}

/**
 * Writes the strict schemas of Kubernetes `version` (e.g. 1.31.0) from kubernetes-validate's folder into `target`,
 * and returns the `-schema-location` template that finds them there.
 */
export async function writeKubeconformSchemas(source: string, target: string, version: string): Promise<string> {
  const from = join(source, `v${version}-local-strict`);
  const to = join(target, `v${version}-standalone-strict`);
  await mkdir(to, { recursive: true });
  for (const name of await readdir(from)) {
    const text = (await readFile(join(from, name), 'utf8')).replaceAll(
      '"/api/_definitions.json#',
      '"_definitions.json#',
    );
    const schema = JSON.parse(text) as Record<string, unknown>;
    delete schema['$id'];
    await writeFile(join(to, name), JSON.stringify(schema));
  }
  return join(target, LAYOUT);
}
