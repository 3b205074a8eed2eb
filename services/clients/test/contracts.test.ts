import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clients } from '@octroi/contracts';
import { tinyClientId } from '@octroi/model-bundle/testing';
import type { TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { tinyDirectory } from './directory.ts';

function assertReply(schema: TSchema, reply: unknown): void {
  const problems = [...Value.Errors(schema, reply)].map((error) => `${error.path}: ${error.message}`);
  assert.deepEqual(problems, []);
}

describe('replies match the clients contracts', () => {
  it('for every endpoint', async () => {
    const directory = await tinyDirectory();
    const clientId = tinyClientId(41);
    assertReply(clients.get.reply, directory.get(clientId, 'en'));
    assertReply(clients.list.reply, directory.list({ page: 2, pageSize: 5, decision: 'granted' }));
    assertReply(clients.features.reply, directory.features(clientId));
    assertReply(clients.population.reply, directory.population('BUREAU_ACTIVE_COUNT', clientId));
    assertReply(clients.population.reply, directory.population('NAME_CONTRACT_TYPE'));
    assertReply(
      clients.sample.reply,
      directory.sample({ x: 'AGE_YEARS', y: 'BUREAU_ACTIVE_COUNT', size: 10, clientId }),
    );
    assertReply(clients.similar.reply, directory.similar(clientId, 4));
    assertReply(clients.ids.reply, { ids: directory.ids(0, 100), next: 100 });
  });
});
