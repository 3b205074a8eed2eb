/** Schemas that exist only at the HTTP edge (the gateway): sign-in, the current API's parameters. */
import { Type, type Static } from '@sinclair/typebox';
import { storeKey } from './audit.ts';
import { Language, MAX_BATCH } from './common.ts';
import { NewApplication } from './intake/schemas.ts';

export const Role = Type.Union([Type.Literal('officer'), Type.Literal('admin')]);
export const SignInRequest = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    password: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export const SessionUser = Type.Object({ username: Type.String(), displayName: Type.String(), role: Role });
export type SessionUser = Static<typeof SessionUser>;

export const ClientIdParams = Type.Object({
  id: Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'SK_ID_CURR' }),
});
export const LanguageQuery = Type.Object({ language: Type.Optional(Language) });
export const FeatureParams = Type.Object({
  feature: Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_]+$' }),
});

export const ScoreRequestBody = Type.Union(
  [
    Type.Object(
      { applications: Type.Array(NewApplication, { minItems: 1, maxItems: MAX_BATCH }) },
      { additionalProperties: false },
    ),
    NewApplication,
  ],
  { description: 'One new application, or several under "applications"' },
);
export type ScoreRequestBody = Static<typeof ScoreRequestBody>;
/** The batch form of a score request. `applications` cannot be an application's field: those are upper case. */
export const isApplicationBatch = (body: ScoreRequestBody): body is { applications: NewApplication[] } =>
  Array.isArray(body['applications']);

/**
 * The gateway's counters in Redis, shared by its replicas and read by nothing else: the rate limits (per API key,
 * user or address), and each account's failed sign-ins and lock.
 */
export const gatewayCounters = {
  rateLimit: 'octroi:gateway:rate-limit:',
  signIn: (username: string) => ({
    failures: `octroi:gateway:sign-in:${storeKey(username)}:failures`,
    lock: `octroi:gateway:sign-in:${storeKey(username)}:lock`,
  }),
} as const;
