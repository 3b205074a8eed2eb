import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { endpoints } from '@octroi/contracts';
import { startOtlpReceiver, type ReceivedSpan } from '@octroi/runtime/testing';
import { startCluster, type Cluster } from './support/cluster.ts';
import { eventually } from './support/load.ts';

const SERVER = 2;
const CLIENT = 3;

/**
 * OpenTelemetry on real processes: the gateway and each service export their spans over OTLP/HTTP to a receiver
 * standing for a collector. One HTTP request that crosses the gateway, the explain service and, through the explain
 * service's own request, the scoring service must come out as one trace whose spans are linked parent to child.
 */
describe('traces across the gateway and the services on NATS', () => {
  let cluster: Cluster;
  let receiver: Awaited<ReturnType<typeof startOtlpReceiver>>;

  before(async () => {
    receiver = await startOtlpReceiver();
    cluster = await startCluster({
      env: {
        OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
        OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
        OTEL_BSP_SCHEDULE_DELAY: '200',
      },
    });
  });
  after(async () => {
    await cluster?.stop();
    await receiver?.close();
  });

  test("a counterfactual: the caller's trace goes on through the gateway, explain and scoring", async () => {
    const refused = (await (
      await fetch(`${cluster.url}/api/v1/clients?decision=refused&pageSize=20`, { headers: cluster.headers })
    ).json()) as { items: Array<{ clientId: number }> };
    // The caller's own span, as an instrumented client would send it; a new trace for each client tried, until one
    // has a counterfactual, which the explain service has the scoring service confirm.
    let traceId = '';
    let callerSpanId = '';
    let confirmed = false;
    for (const { clientId } of refused.items) {
      traceId = randomBytes(16).toString('hex');
      callerSpanId = randomBytes(8).toString('hex');
      const response = await fetch(`${cluster.url}/api/v1/clients/${clientId}/counterfactual`, {
        headers: { ...cluster.headers, traceparent: `00-${traceId}-${callerSpanId}-01` },
      });
      assert.equal(response.status, 200);
      const answer = (await response.json()) as { result: { verifiedByScoring: boolean } | null };
      confirmed = answer.result?.verifiedByScoring === true;
      if (confirmed) break;
    }
    assert.ok(confirmed, 'a refused client with a counterfactual confirmed by the scoring service');

    const inTrace = () => receiver.spans.filter((span) => span.traceId === traceId);
    const find = (service: string, kind: number, subject?: string) =>
      inTrace().find(
        (span) =>
          span.service === service &&
          span.kind === kind &&
          (subject === undefined || span.attributes['messaging.destination.name'] === subject),
      );
    const counterfactual = endpoints.explain.counterfactual.subject;
    const rescore = endpoints.scoring.score.subject;
    const complete = () =>
      [
        find('gateway', SERVER),
        find('gateway', CLIENT, counterfactual),
        find('explain', SERVER, counterfactual),
        find('explain', CLIENT, rescore),
        find('scoring', SERVER, rescore),
      ].every(Boolean);
    assert.ok(await eventually(complete, 20_000), `spans received: ${listed(inTrace())}`);

    const http = find('gateway', SERVER)!;
    const asked = find('gateway', CLIENT, counterfactual)!;
    const explained = find('explain', SERVER, counterfactual)!;
    const rescoring = find('explain', CLIENT, rescore)!;
    const scored = find('scoring', SERVER, rescore)!;
    assert.equal(http.parentSpanId, callerSpanId, "the gateway's span continues the caller's");
    assert.equal(http.attributes['http.route'], '/api/v1/clients/:id/counterfactual');
    assert.equal(asked.parentSpanId, http.spanId);
    assert.equal(explained.parentSpanId, asked.spanId, 'linked across NATS by the traceparent header');
    assert.equal(rescoring.parentSpanId, explained.spanId);
    assert.equal(scored.parentSpanId, rescoring.spanId, 'and across the explain service’s own request');
    assert.equal(new Set([http, explained, scored].map((span) => span.attributes['octroi.request_id'])).size, 1);
  });
});

function listed(spans: ReceivedSpan[]) {
  return spans.map((span) => `${span.service}/${span.kind}/${span.name}`).join(', ') || 'none';
}
