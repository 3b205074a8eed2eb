import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { EXAMPLE_APPLICATION, endpoints, type FieldProblem } from '@octroi/contracts';
import {
  applicationProblems,
  defaultModelDir,
  deriveFeatures,
  loadBundle,
  type TestVector,
} from '@octroi/model-bundle';
import { REFUSED_APPLICATIONS } from '@octroi/contracts/testing';
import { MemoryBus, OctroiError, createLogger, processMetrics, type Runtime } from '@octroi/runtime';
import { startExplain } from '../../services/explain/src/main.ts';
import { startScoring } from '../../services/scoring/src/main.ts';
import { testGateway, withKey } from './helpers.ts';

const REFUSED = REFUSED_APPLICATIONS;

const fieldsOf = (errors: FieldProblem[]) => errors.map((e) => e.field).sort();

describe('intake through the API: invalid applications get a 400 naming every field, and no decision', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-intake-'));
  const auditFile = join(dataDir, 'decisions.jsonl');
  let bus: MemoryBus;
  let services: Runtime[];
  let gateway: Awaited<ReturnType<typeof testGateway>>;
  const post = (url: string, payload: object) => gateway.app.inject({ method: 'POST', url, headers: withKey, payload });
  const recorded = () =>
    existsSync(auditFile) ? readFileSync(auditFile, 'utf8').trim().split('\n').filter(Boolean) : [];

  before(async () => {
    process.env.AUDIT_FILE = auditFile;
    process.env.OCTROI_DATA_DIR = dataDir;
    const log = createLogger('test', 'warn');
    bus = new MemoryBus(log, processMetrics());
    services = [await startScoring({ bus, log }), await startExplain({ bus, log })];
    gateway = await testGateway({ bus });
  });
  after(async () => {
    await gateway.app.close();
    await gateway.runtime.shutdown.run();
    await Promise.all(services.map((runtime) => runtime.shutdown.run()));
    await bus.close();
    delete process.env.AUDIT_FILE;
    delete process.env.OCTROI_DATA_DIR;
  });

  for (const { name, application, fields } of REFUSED) {
    test(`${name}: POST /api/v1/score and POST /api/v1/explanations name ${fields.join(', ')}`, async () => {
      const score = await post('/api/v1/score', application);
      assert.equal(score.statusCode, 400, score.body);
      const body = score.json();
      assert.equal(body.code, 'bad_request');
      assert.deepEqual(fieldsOf(body.errors), [...fields].sort());
      assert.equal(body.field, body.errors[0].field, 'the first problem is repeated for older clients');
      for (const error of body.errors) assert.match(error.message, new RegExp(`^${error.field}: `));

      const explanation = await post('/api/v1/explanations', { application, language: 'en' });
      assert.equal(explanation.statusCode, 400, explanation.body);
      assert.deepEqual(fieldsOf(explanation.json().errors), fields.map((f) => `application.${f}`).sort());
    });
  }

  test('in a batch, each problem is named with its application; none of the batch is decided', async () => {
    const response = await post('/api/v1/score', {
      applications: [
        EXAMPLE_APPLICATION,
        { ...EXAMPLE_APPLICATION, AMT_CREDIT: 5 },
        { ...EXAMPLE_APPLICATION, AMT_INCOME_TOTAL: 0 },
      ],
    });
    assert.equal(response.statusCode, 400, response.body);
    assert.deepEqual(fieldsOf(response.json().errors), [
      'applications.1.AMT_CREDIT',
      'applications.2.AMT_INCOME_TOTAL',
    ]);
  });

  test('the scoring service refuses the same applications on the bus, without the gateway in front of it', async () => {
    for (const { application, fields } of REFUSED) {
      await assert.rejects(
        bus.request(endpoints.scoring.scoreApplications, { applications: [application] }),
        (err: OctroiError) =>
          err.code === 'bad_request' && fieldsOf(err.errors ?? []).join() === [...fields].sort().join(),
      );
    }
  });

  test('history tables in a request: checked row by row, aggregated, and scored, explained and simulated alike', async () => {
    const vectors = JSON.parse(readFileSync(join(defaultModelDir(), 'test_vectors.json'), 'utf8')) as TestVector[];
    const spec = (await loadBundle()).spec;
    const withHistory = vectors.filter(
      (v) =>
        Object.values(v.raw).some((value) => Array.isArray(value) && value.length > 0) &&
        applicationProblems(spec, { ...EXAMPLE_APPLICATION, ...v.raw }).length === 0,
    );
    assert.ok(withHistory.length >= 5, `${withHistory.length} valid vectors with history`);
    let changed = 0;
    for (const { raw } of withHistory) {
      const application = { ...EXAMPLE_APPLICATION, ...raw };
      const alone = Object.fromEntries(Object.entries(application).filter(([, v]) => !Array.isArray(v)));
      const [score, without] = await Promise.all([post('/api/v1/score', application), post('/api/v1/score', alone)]);
      assert.equal(score.statusCode, 200, score.body);
      const explanation = (await post('/api/v1/explanations', { application, language: 'en' })).json();
      const whatIf = await post('/api/v1/what-if', { application, changes: {}, language: 'en' });
      assert.equal(whatIf.statusCode, 200, whatIf.body);
      const probability = score.json().probabilityOfDefault;
      assert.ok(Math.abs(explanation.probabilityOfDefault - probability) <= 1e-5, 'explained with its history');
      assert.ok(Math.abs(whatIf.json().original.probabilityOfDefault - probability) <= 1e-5, 'simulated with it');
      const features = deriveFeatures(spec, application);
      const history = spec.features.filter((f) => f.source !== 'application' && !Number.isNaN(features[f.index]!));
      assert.ok(history.length > 0);
      if (Math.abs(without.json().probabilityOfDefault - probability) > 1e-9) changed++;
    }
    assert.ok(changed >= withHistory.length / 2, `the history changed ${changed} of ${withHistory.length} scores`);
  });

  test('a bad history row is named by table, row and column, with every other problem', async () => {
    const application = {
      ...EXAMPLE_APPLICATION,
      AMT_CREDIT: 5,
      bureau: [{ SK_ID_BUREAU: 1, CREDIT_ACTIVE: 'Active', CREDIT_TYPE: 'Consumer credit', DAYS_CREDIT: 30 }],
      bureau_balance: [{ SK_ID_BUREAU: 2, MONTHS_BALANCE: -1, STATUS: '0' }],
      installments_payments: [{ DAYS_INSTALMENT: -10, AMT_INSTALMENT: 'a lot' }],
    };
    for (const [url, payload, prefix] of [
      ['/api/v1/score', application, ''],
      ['/api/v1/explanations', { application }, 'application.'],
      ['/api/v1/what-if', { application, changes: {} }, 'application.'],
    ] as const) {
      const response = await post(url, payload);
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(
        fieldsOf(response.json().errors),
        [
          'AMT_CREDIT',
          'bureau.0.DAYS_CREDIT',
          'bureau_balance.0.SK_ID_BUREAU',
          'installments_payments.0.AMT_INSTALMENT',
        ]
          .map((f) => prefix + f)
          .sort(),
      );
    }
    const both = await post('/api/v1/what-if', { clientId: 100002, application: EXAMPLE_APPLICATION, changes: {} });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().field, 'clientId');
  });

  test('nothing refused was recorded; a valid application is decided and recorded once', async () => {
    const before = recorded().length;
    for (const { application } of REFUSED) await post('/api/v1/score', application);
    assert.equal(recorded().length, before, 'the audit log holds no decision for an invalid application');
    const valid = await post('/api/v1/score', EXAMPLE_APPLICATION);
    assert.equal(valid.statusCode, 200, valid.body);
    const lines = recorded();
    assert.equal(lines.length, before + 1);
    assert.equal(JSON.parse(lines.at(-1)!).records[0].decisionId, valid.json().decisionId);
  });
});
