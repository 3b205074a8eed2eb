import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DRIFT_THRESHOLDS, type DriftReport, type RawApplication } from '@octroi/contracts';
import { loadApplicantRecords, loadBundle } from '@octroi/model-bundle';
import { startCluster, type Cluster } from './support/cluster.ts';
import { startPrometheus, type PrometheusAlert } from './support/prometheus.ts';

/** The raw field the shifted population differs in, read by the model as a feature of the same name. */
const SHIFTED = 'AMT_INCOME_TOTAL';
/** A feature that does not read the shifted field, to show the alert names the right one. */
const UNSHIFTED = 'DAYS_EMPLOYED';
const APPLICATIONS = 1000;

/**
 * On real processes: two scoring replicas publish what they decide on the monitoring feed (JetStream), the
 * monitoring service reads it, a real Prometheus scrapes it and evaluates deploy/prometheus/alerts.yml. Applications
 * from a population earning four times as much as the training one must raise the "act" drift alert on income.
 */
describe('drift monitoring on real processes', () => {
  let cluster: Cluster;
  let prometheus: Awaited<ReturnType<typeof startPrometheus>>;
  let shifted: RawApplication[];

  before(
    async () => {
      const bundle = await loadBundle();
      assert.ok(
        bundle.featureNames.includes(SHIFTED) && bundle.featureNames.includes(UNSHIFTED),
        'features of the test',
      );
      const records = await loadApplicantRecords(bundle);
      const fields = new Set(bundle.spec.rawFields.map((field) => field.name));
      const training = [...records.ids.keys()].filter((row) => !Number.isNaN(records.target(row)));
      shifted = training.slice(0, APPLICATIONS).map((row) => {
        const raw = Object.fromEntries(Object.entries(records.raw(row)).filter(([name]) => fields.has(name)));
        return { ...raw, [SHIFTED]: Number(raw[SHIFTED]) * 4 };
      });
      cluster = await startCluster({ scoring: 2, monitoring: 1, env: { MONITORING_PUBLISH_MS: '500' } });
      prometheus = await startPrometheus([`127.0.0.1:${cluster.services.monitoring[0]!.port}`]);
    },
    { timeout: 300_000 },
  );
  after(
    async () => {
      await prometheus?.stop();
      await cluster?.stop();
    },
    { timeout: 90_000 },
  );

  test(
    'a population earning four times as much raises the act alert on income, and on nothing it does not read',
    { timeout: 240_000 },
    async () => {
      for (let first = 0; first < shifted.length; first += 100) {
        const response = await fetch(`${cluster.url}/api/v1/score`, {
          method: 'POST',
          headers: { ...cluster.headers, 'content-type': 'application/json' },
          body: JSON.stringify({ applications: shifted.slice(first, first + 100) }),
        });
        assert.equal(response.status, 200, await response.text());
      }

      let alerts: PrometheusAlert[] = [];
      const actOn = (feature: string) =>
        alerts.filter((a) => a.labels.alertname === 'OctroiFeatureDriftAct' && a.labels.feature === feature);
      const deadline = Date.now() + 60_000;
      while (actOn(SHIFTED).length === 0 && Date.now() < deadline) {
        await new Promise((done) => setTimeout(done, 1000));
        alerts = await prometheus.alerts();
      }
      assert.ok(actOn(SHIFTED).length > 0, `no act alert on ${SHIFTED}: ${JSON.stringify(alerts.slice(0, 5))}`);
      for (const alert of actOn(SHIFTED)) {
        assert.ok(['pending', 'firing'].includes(alert.state));
        assert.ok(Number(alert.value) > DRIFT_THRESHOLDS.act, alert.value);
      }
      assert.deepEqual(actOn(UNSHIFTED), [], `${UNSHIFTED} does not read income`);

      // The dashboard's report says the same, from the same windows.
      const report = (await (
        await fetch(`${cluster.url}/api/v1/monitoring/drift?window=1h`, { headers: cluster.headers })
      ).json()) as DriftReport;
      assert.equal(report.applications, APPLICATIONS, 'every decision of both replicas counted once');
      const income = report.variables.find((variable) => variable.name === SHIFTED)!;
      assert.equal(income.status, 'act');
      assert.equal(report.variables.find((variable) => variable.name === UNSHIFTED)!.status, 'stable');
    },
  );
});
