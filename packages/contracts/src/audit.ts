import { Type, type Static } from '@sinclair/typebox';
import { ClientId, Decision, Probability } from './common.ts';
import { Officer, OfficerReasonCode, OfficerVerdict } from './officer-reasons.ts';

/**
 * Decision ids are UUIDv7 (time-ordered) made by the scoring service, never derived from what a caller sends.
 * The decisions of one request share their first 28 hex digits, the request key; the last 4 number the decision
 * within the request (0 to 65,535). The audit log stores one request as one entry under its request key, so a
 * decision is found again from its id alone, with no index to maintain.
 */
export const DECISION_ID_PATTERN = '^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$';
export const DecisionId = Type.String({
  pattern: DECISION_ID_PATTERN,
  description: 'Identifier of a decision in the audit log (a UUIDv7 made by the server)',
});
const decisionIdRegExp = new RegExp(DECISION_ID_PATTERN);
export const MAX_DECISIONS_PER_REQUEST = 0x10000;

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const dashed = (digits: string) =>
  `${digits.slice(0, 8)}-${digits.slice(8, 12)}-${digits.slice(12, 16)}-${digits.slice(16, 20)}-${digits.slice(20)}`;

/** The ids of `count` decisions taken together in one request, in order. */
export function decisionIds(count: number, now = Date.now()): string[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_DECISIONS_PER_REQUEST)
    throw new RangeError(`A request holds 1 to ${MAX_DECISIONS_PER_REQUEST} decisions, not ${count}`);
  const bytes = new Uint8Array(14);
  crypto.getRandomValues(bytes.subarray(6));
  for (let i = 0; i < 6; i++) bytes[i] = Math.floor(now / 2 ** (8 * (5 - i))) & 0xff;
  bytes[6] = 0x70 | (bytes[6]! & 0x0f); // version 7
  bytes[8] = 0x80 | (bytes[8]! & 0x3f); // RFC 9562 variant
  const requestKey = hex(bytes);
  return Array.from({ length: count }, (_, index) => dashed(requestKey + index.toString(16).padStart(4, '0')));
}

export const isDecisionId = (id: string) => decisionIdRegExp.test(id);

/** The 28 hex digits a decision shares with the other decisions of its request. */
export function requestKeyOf(decisionId: string): string {
  if (!isDecisionId(decisionId)) throw new RangeError(`Not a decision id: ${JSON.stringify(decisionId)}`);
  return decisionId.replaceAll('-', '').slice(0, 28);
}

/** Where a decision stands in its request. */
export const indexInRequest = (decisionId: string) => Number.parseInt(decisionId.slice(-4), 16);

/**
 * A key in the durable store from parts (e.g. a principal and an Idempotency-Key). Plain parts stay readable;
 * any other part is written `=` + base64url, a form no plain part can take, so two different lists of parts
 * never give the same key, and every key is valid in JetStream KV.
 */
export function storeKey(...parts: Array<string | number>): string {
  return parts
    .map((part) => {
      const text = String(part);
      return /^[A-Za-z0-9_-]+$/.test(text) ? text : `=${Buffer.from(text, 'utf8').toString('base64url')}`;
    })
    .join('.');
}

/**
 * The audit log: on NATS, the JetStream stream `OCTROI_AUDIT`, one message per request on
 * `octroi.v1.audit.requests.<request key>`; embedded, one fsynced JSON line per request.
 */
export const AUDIT_STREAM = 'OCTROI_AUDIT';
export const AUDIT_SUBJECT_PREFIX = 'octroi.v1.audit.requests';
export const auditSubject = (requestKey: string) => {
  if (!/^[0-9a-f]{28}$/.test(requestKey)) throw new RangeError(`Not a request key: ${JSON.stringify(requestKey)}`);
  return `${AUDIT_SUBJECT_PREFIX}.${requestKey}`;
};

/** A decision as the model made it, before the audit log links it into its chain. */
export const ModelDecisionRecord = Type.Object({
  kind: Type.Literal('model', { description: 'Who decided: the model' }),
  decisionId: DecisionId,
  requestId: Type.String({ description: 'Tracing id of the request that asked (not an identifier of the decision)' }),
  time: Type.String({ format: 'date-time' }),
  principal: Type.String({ description: 'The API key name or the user who asked' }),
  clientId: Type.Optional(ClientId),
  featuresDigest: Type.String({ description: 'SHA-256 of the feature row the model scored (float32, little-endian)' }),
  modelVersion: Type.String(),
  probabilityOfDefault: Probability,
  threshold: Probability,
  decision: Decision,
});
export type ModelDecisionRecord = Static<typeof ModelDecisionRecord>;

/** A loan officer's decision on a model decision: confirmed or overridden, with the lender's reason and their own words. */
export const OfficerDecisionRecord = Type.Object({
  kind: Type.Literal('officer', { description: "Who decided: a loan officer, on the model's decision" }),
  decisionId: DecisionId,
  requestId: Type.String({ description: 'Tracing id of the request that asked (not an identifier of the decision)' }),
  time: Type.String({ format: 'date-time' }),
  principal: Type.String({ description: 'The user who decided' }),
  clientId: Type.Optional(ClientId),
  modelDecisionId: Type.String({ pattern: DECISION_ID_PATTERN, description: "The model's decision this one reviews" }),
  modelDecision: Decision,
  modelVersion: Type.String({ description: 'The model version of the decision reviewed' }),
  decision: OfficerVerdict,
  override: Type.Boolean({ description: "Reverses the model's grant or refusal (deciding a referral is not one)" }),
  reasonCode: OfficerReasonCode,
  justification: Type.String(),
  officer: Officer,
  sequence: Type.Integer({ minimum: 1, description: 'Place among the officer decisions on the same model decision' }),
});
export type OfficerDecisionRecord = Static<typeof OfficerDecisionRecord>;

/** What a service appends to the audit log: a decision of the model or of an officer. */
export const DecisionRecord = Type.Union([ModelDecisionRecord, OfficerDecisionRecord]);
export type DecisionRecord = Static<typeof DecisionRecord>;

/**
 * The chain fields: every writer (a scoring replica, or the embedded process) keeps its own chain, so replicas never
 * wait for each other. A record holds the digest of the one before it in its chain and its own digest.
 */
export const ChainLink = Type.Object({
  chain: Type.String({ description: 'The writer whose chain this record is in' }),
  seq: Type.Integer({ minimum: 0, description: 'Position in its chain, from 0' }),
  previous: Type.String({ description: 'Digest of the record before it in its chain (64 zeros for the first)' }),
  digest: Type.String({ description: 'SHA-256 of this record without its digest, keys sorted' }),
});
export const ModelAuditRecord = Type.Composite([ModelDecisionRecord, ChainLink]);
export type ModelAuditRecord = Static<typeof ModelAuditRecord>;
export const OfficerAuditRecord = Type.Composite([OfficerDecisionRecord, ChainLink]);
export type OfficerAuditRecord = Static<typeof OfficerAuditRecord>;
/** A record of the audit log, by kind. */
export const AuditRecord = Type.Union([ModelAuditRecord, OfficerAuditRecord]);
export type AuditRecord = Static<typeof AuditRecord>;

export const isModelRecord = <R extends { kind: string }>(record: R): record is Extract<R, { kind: 'model' }> =>
  record.kind === 'model';

const Common = {
  decisionId: Type.String({ description: 'The id of the record (a UUIDv7, as a decision id)' }),
  requestId: Type.String(),
  time: Type.String({ format: 'date-time' }),
  principal: Type.String({
    description: 'Who made the change: an administrator, or a replica (`<service>:<instance>`)',
  }),
};
const VersionOrNone = Type.Union([Type.String(), Type.Null()]);

/**
 * An administrator gave a bundle a role: `champion` (it decides from now on; a rollback is the same record) or
 * `challenger` (it scores in shadow); `modelVersion` null when the challenger was retired. Written before the change
 * takes effect.
 */
export const ModelRoleRecord = Type.Object({
  kind: Type.Literal('model-role'),
  ...Common,
  role: Type.Union([Type.Literal('champion'), Type.Literal('challenger')]),
  modelVersion: VersionOrNone,
  previousVersion: VersionOrNone,
  reason: Type.Union([Type.String({ description: "Why, in the administrator's words" }), Type.Null()]),
});
export type ModelRoleRecord = Static<typeof ModelRoleRecord>;

/** A replica of scoring or explain now serves other models: the moment it switched, on record. */
export const ModelSwitchRecord = Type.Object({
  kind: Type.Literal('model-switch'),
  ...Common,
  service: Type.String(),
  champion: Type.String(),
  challenger: VersionOrNone,
  previousChampion: Type.String(),
  previousChallenger: VersionOrNone,
});
export type ModelSwitchRecord = Static<typeof ModelSwitchRecord>;

/** Whatever the audit log keeps: decisions, and the changes of the models that make them. */
export type AuditedRecord = DecisionRecord | ModelRoleRecord | ModelSwitchRecord;
export type ChainedRecord = AuditedRecord & Static<typeof ChainLink>;

/** The records of decisions (the model's and the officers'), not the changes of the models. */
export const isDecisionRecord = <R extends { kind: string }>(
  record: R,
): record is Extract<R, { kind: 'model' | 'officer' }> => record.kind === 'model' || record.kind === 'officer';
