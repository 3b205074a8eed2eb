/**
 * The OpenAPI document as this gateway serves it, and the dashboard's API types generated from it:
 *
 *   npm run openapi                 writes web/src/app/core/api-schema.ts (and prints the document with --print)
 *   npm run openapi -- --check      fails when the committed types are not those of the current document
 *
 * The document is built from the routes with every optional part on (the legacy base path included), without
 * listening and without any service.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { MemoryBus, createLogger, createRuntime, processMetrics } from '@octroi/runtime';
import { ApiKeys } from './auth/api-keys.ts';
import { SessionTokens } from './auth/session-token.ts';
import { UserStore } from './auth/users.ts';
import { loadConfig } from './config.ts';
import { buildGateway } from './server.ts';

export const API_TYPES_FILE = resolve(import.meta.dirname, '../../web/src/app/core/api-schema.ts');
const HEADER = '/* Generated from the gateway OpenAPI document by `npm run openapi`: do not edit. */\n';

/** The document every route of this code base describes. */
export async function openapiDocument(): Promise<object> {
  const dataDir = mkdtempSync(join(tmpdir(), 'octroi-openapi-'));
  try {
    const config = { ...loadConfig(), dataDir, usersFile: join(dataDir, 'users.json'), webDir: join(dataDir, 'none') };
    const log = createLogger('openapi', 'warn');
    const runtime = await createRuntime('gateway', { bus: new MemoryBus(log, processMetrics()), log });
    const { store: users } = await UserStore.open(config.usersFile, 'not-used-for-the-document');
    const tokens = new SessionTokens(SessionTokens.secretFrom(undefined, dataDir), 3600_000);
    const keys = new ApiKeys(['document-key-0123456789']);
    const app = await buildGateway({ runtime, config, users, apiKeys: keys, legacyKeys: keys, tokens });
    await app.ready();
    const document = app.swagger();
    await app.close();
    return document;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function apiTypes(document: object): Promise<string> {
  return HEADER + astToString(await openapiTS(document as never, { alphabetize: true }));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { check: { type: 'boolean' }, print: { type: 'boolean' } } });
  const document = await openapiDocument();
  const types = await apiTypes(document);
  if (values.print) console.log(JSON.stringify(document, null, 2));
  if (values.check) {
    const current = readFileSync(API_TYPES_FILE, 'utf8');
    if (current !== types) {
      console.error(`${API_TYPES_FILE} is not generated from the current document: run npm run openapi`);
      process.exit(1);
    }
  } else if (!values.print) {
    writeFileSync(API_TYPES_FILE, types);
    console.error(`wrote ${API_TYPES_FILE}`);
  }
  process.exit(0);
}
