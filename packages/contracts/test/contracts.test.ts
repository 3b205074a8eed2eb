import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Value } from '@sinclair/typebox/value';
import { Envelope, Score, SERVICE_NAMES, endpoints, httpStatusOf } from '../src/index.ts';

const all = Object.values(endpoints).flatMap((service) => Object.values(service));

test('every subject is versioned, belongs to its service and is unique', () => {
  const subjects = all.map((endpoint) => endpoint.subject);
  assert.equal(new Set(subjects).size, subjects.length);
  for (const endpoint of all) {
    assert.match(endpoint.subject, new RegExp(`^octroi\\.v1\\.${endpoint.service}\\.[a-z-]+$`));
    assert.ok(SERVICE_NAMES.includes(endpoint.service));
  }
});

test('the reply envelope accepts data or an error with a stable code, nothing else', () => {
  const schema = Envelope(Score);
  const score = { probabilityOfDefault: 0.2, decision: 'granted', threshold: 0.4, modelVersion: 'v' };
  assert.ok(Value.Check(schema, { ok: true, data: score }));
  assert.ok(Value.Check(schema, { ok: false, error: { code: 'not_found', message: 'No client 1' } }));
  assert.ok(!Value.Check(schema, { ok: false, error: { code: 'oops', message: 'x' } }));
  assert.ok(!Value.Check(schema, { ok: true, data: { ...score, decision: 'maybe' } }));
});

test('error codes map to the HTTP statuses the gateway promises', () => {
  assert.equal(httpStatusOf.bad_request, 400);
  assert.equal(httpStatusOf.not_found, 404);
  assert.equal(httpStatusOf.unavailable, 503);
  assert.equal(httpStatusOf.timeout, 504);
});
