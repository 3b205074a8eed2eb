/**
 * What-if: the client's application with some fields changed, scored and explained again.
 * Only the features derived from the application are recomputed; what the credit history says
 * (bureau, previous applications, instalments…) is the client's own and stays as it is.
 */
import type { Language, RawApplication, WhatIf } from '@octroi/contracts';
import type { Explainer, FeatureValues } from './explainer.ts';
import { toFeatureRow } from './forest.ts';

/** Model features (spec order, float32) from one raw application, history features NaN. */
export type DeriveFeatures = (raw: RawApplication) => Float32Array;

export interface WhatIfInput {
  /** A known client's id; none for a new application. */
  clientId?: number;
  /** The client's application as stored. */
  raw: RawApplication;
  /** The client's model features as stored, history included. */
  features: FeatureValues;
  changes: RawApplication;
  language?: Language;
}

/** The client's features after the changes: application features re-derived, history kept. */
export function changedFeatures(
  explainer: Explainer,
  derive: DeriveFeatures,
  input: Pick<WhatIfInput, 'raw' | 'features' | 'changes'>,
): Float64Array {
  const derived = derive({ ...input.raw, ...input.changes });
  const updated = toFeatureRow(input.features);
  explainer.features.forEach(({ definition }, i) => {
    if (definition.source === 'application') updated[i] = derived[i]!;
  });
  return updated;
}

export function whatIf(explainer: Explainer, derive: DeriveFeatures, input: WhatIfInput): WhatIf {
  const language = input.language ?? 'fr';
  const before = toFeatureRow(input.features);
  const after = changedFeatures(explainer, derive, input);
  const original = explainer.score(before);
  const updated = explainer.explain(after, {
    language,
    ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
  });
  return {
    simulation: true,
    ...(input.clientId !== undefined ? { clientId: input.clientId } : {}),
    original: { probabilityOfDefault: original.probabilityOfDefault, decision: original.decision },
    updated,
    probabilityChange: updated.probabilityOfDefault - original.probabilityOfDefault,
    decisionChanged: updated.decision !== original.decision,
    changedFeatures: explainer.features.flatMap(({ definition }, i) =>
      sameValue(before[i]!, after[i]!)
        ? []
        : [
            {
              feature: definition.name,
              label: explainer.label(definition.name, language),
              from: nullable(before[i]!),
              to: nullable(after[i]!),
            },
          ],
    ),
  };
}

/** Stored features are float32: compare at that precision, a missing value equal to itself. */
function sameValue(a: number, b: number): boolean {
  return (Number.isNaN(a) && Number.isNaN(b)) || Math.fround(a) === Math.fround(b);
}

function nullable(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
