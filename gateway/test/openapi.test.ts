import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { API_TYPES_FILE, apiTypes, openapiDocument } from '../src/openapi-cli.ts';

// The document's strictness is checked by the ecosystem's validators (tests/interop/test_openapi_contract.py);
// here, what the dashboard builds on.
test("the dashboard's API types are generated from the current OpenAPI document", async () => {
  const document = await openapiDocument();
  assert.equal(readFileSync(API_TYPES_FILE, 'utf8'), await apiTypes(document), 'run npm run openapi');
});

test('no schema of the document is a tuple, which generated clients cannot read', async () => {
  const tuples: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value !== 'object' || value === null) return;
    const schema = value as Record<string, unknown>;
    if (Array.isArray(schema.items) || 'prefixItems' in schema || 'additionalItems' in schema) tuples.push(path);
    for (const [key, child] of Object.entries(schema)) walk(child, `${path}/${key}`);
  };
  walk(await openapiDocument(), '#');
  assert.deepEqual(tuples, []);
});
