/**
 * The lender's policy of a bundle (`policy.json`, see models/README.md): protected attributes are never model
 * inputs, non-actionable fields are never offered in simulations. A bundle written before the file existed gets
 * the default policy; a bundle whose features read a protected attribute is refused.
 */
import { LenderPolicy } from '@octroi/contracts';
import { Value } from '@sinclair/typebox/value';
import type { FeatureSpec } from './spec.ts';

export type { LenderPolicy };

/** The policy of a bundle without `policy.json`: gender protected, no referral band. */
export const DEFAULT_POLICY: LenderPolicy = Object.freeze({
  version: 1,
  protectedAttributes: ['CODE_GENDER'],
  monitoredAttributes: ['CODE_GENDER', 'DAYS_BIRTH'],
  nonActionable: [
    'CODE_GENDER',
    'DAYS_BIRTH',
    'NAME_FAMILY_STATUS',
    'CNT_CHILDREN',
    'HOUR_APPR_PROCESS_START',
    'WEEKDAY_APPR_PROCESS_START',
  ],
  actionable: ['AMT_CREDIT', 'AMT_ANNUITY', 'AMT_GOODS_PRICE'],
  referral: { band: 0 },
  reasons: {},
});

/** The policy as read from JSON, or the problem in words. */
export function parsePolicy(json: unknown): LenderPolicy | string {
  const [error] = Value.Errors(LenderPolicy, json);
  if (error) return `${error.path || '/'} ${error.message}`;
  return json as LenderPolicy;
}

/** Model features that are a protected attribute or derived from one, through any chain of derivations. */
export function featuresReadingProtected(spec: FeatureSpec, policy: LenderPolicy): string[] {
  const protectedFields = new Set(policy.protectedAttributes);
  const reads = new Map<string, Set<string>>();
  for (const derivation of spec.derivations) {
    const sources = new Set<string>();
    for (const input of derivation.inputs) {
      sources.add(input);
      for (const source of reads.get(input) ?? []) sources.add(source);
    }
    reads.set(derivation.name, sources);
  }
  return spec.features
    .map((feature) => feature.name)
    .filter(
      (name) => protectedFields.has(name) || [...(reads.get(name) ?? [])].some((field) => protectedFields.has(field)),
    );
}

/** Whether a what-if or a counterfactual may change this raw field. */
export function isActionable(policy: LenderPolicy, field: string): boolean {
  return policy.actionable.includes(field) && !policy.nonActionable.includes(field);
}
