/** Schemas that exist only at the HTTP edge (the gateway): sign-in, the seed's routes, Open Inference Protocol V2. */
import { Type, type Static } from '@sinclair/typebox';
import { Language } from './common.ts';
import { NewApplication } from './intake/schemas.ts';

export const Role = Type.Union([Type.Literal('officer'), Type.Literal('admin')]);
export const SignInRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 100 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});
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
      { applications: Type.Array(NewApplication, { minItems: 1, maxItems: 1000 }) },
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

/** Open Inference Protocol (V2), the subset Octroi serves. */
export const V2Tensor = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  shape: Type.Array(Type.Integer({ minimum: 0 }), { minItems: 1, maxItems: 2 }),
  datatype: Type.String({ enum: ['FP32', 'FP64'] }),
  data: Type.Array(Type.Union([Type.Number(), Type.Null()]), { maxItems: 4_000_000 }),
});
export const V2InferRequest = Type.Object({
  id: Type.Optional(Type.String({ maxLength: 200 })),
  inputs: Type.Array(V2Tensor, { minItems: 1, maxItems: 1 }),
  outputs: Type.Optional(Type.Array(Type.Object({ name: Type.String() }))),
});
export const V2InferResponse = Type.Object({
  model_name: Type.String(),
  model_version: Type.String(),
  id: Type.Optional(Type.String()),
  outputs: Type.Array(
    Type.Object({
      name: Type.String(),
      shape: Type.Array(Type.Integer()),
      datatype: Type.String(),
      data: Type.Array(Type.Union([Type.Number(), Type.String()])),
    }),
  ),
});
export const V2ModelMetadata = Type.Object({
  name: Type.String(),
  versions: Type.Array(Type.String()),
  platform: Type.String(),
  inputs: Type.Array(Type.Object({ name: Type.String(), datatype: Type.String(), shape: Type.Array(Type.Integer()) })),
  outputs: Type.Array(Type.Object({ name: Type.String(), datatype: Type.String(), shape: Type.Array(Type.Integer()) })),
});
