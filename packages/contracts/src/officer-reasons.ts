import { Type, type Static } from '@sinclair/typebox';

/**
 * What an officer's decision is made of, shared by the officer API and the audit log: the lender's reasons, the
 * verdict, the officer.
 */

/** The lender's list of reasons, by stable code; the dashboard words each in French and English. */
export const OFFICER_REASON_CODES = [
  'documents-verified',
  'additional-income',
  'guarantor-or-collateral',
  'stable-employment',
  'payment-incidents',
  'debt-burden',
  'inconsistent-information',
  'policy-exception',
  'other',
] as const;
export const OfficerReasonCode = Type.Union(
  OFFICER_REASON_CODES.map((code) => Type.Literal(code)),
  { description: "The lender's reason, from its list" },
);
export type OfficerReasonCode = (typeof OFFICER_REASON_CODES)[number];

/** An officer's verdict is final: granted or refused, never referred again. */
export const OfficerVerdict = Type.Union([Type.Literal('granted'), Type.Literal('refused')]);
export type OfficerVerdict = Static<typeof OfficerVerdict>;

/** The person who decided, as they signed in. */
export const Officer = Type.Object({ username: Type.String(), displayName: Type.String() });
export type Officer = Static<typeof Officer>;
