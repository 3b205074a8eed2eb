import type { ClientRecord, Explanation, Score, WhatIf } from '../core/api-types';

/** Small, realistic replies of the gateway for component tests. */

export const score = (overrides: Partial<Score> = {}): Score => ({
  probabilityOfDefault: 0.62,
  decision: 'refused',
  threshold: 0.4,
  modelVersion: '2026.11.27-test',
  clientId: 100002,
  decisionId: '5f0c2a9e-3b1d-4c6e-9a57-2d8e41b0c7f3',
  ...overrides,
});

export const explanation = (overrides: Partial<Explanation> = {}): Explanation => ({
  clientId: 100002,
  modelVersion: '2026.11.27-test',
  language: 'fr',
  expectedValue: -2.4,
  rawScore: 0.49,
  probabilityOfDefault: 0.62,
  threshold: 0.4,
  decision: 'refused',
  contributions: [
    { feature: 'EXT_SOURCE_3', label: 'Score externe 3', value: 0.14, displayValue: '0,14', contribution: 1.6 },
    { feature: 'AMT_CREDIT', label: 'Montant du crédit', value: 406597, displayValue: '406 597', contribution: 0.9 },
    { feature: 'DAYS_BIRTH', label: 'Âge', value: -9461, displayValue: '26 ans', contribution: 0.5 },
    { feature: 'EXT_SOURCE_2', label: 'Score externe 2', value: 0.26, displayValue: '0,26', contribution: -0.11 },
  ],
  adverseReasons: [
    { feature: 'EXT_SOURCE_3', direction: 'adverse', text: 'Le score externe 3 est bas (0,14).', contribution: 1.6 },
    { feature: 'AMT_CREDIT', direction: 'adverse', text: 'Le montant du crédit est élevé.', contribution: 0.9 },
  ],
  favourableReasons: [
    { feature: 'EXT_SOURCE_2', direction: 'favourable', text: 'Le score externe 2 est moyen.', contribution: -0.11 },
  ],
  ...overrides,
});

export const record = (): ClientRecord => ({
  clientId: 100002,
  knownOutcome: 'defaulted',
  probabilityOfDefault: 0.62,
  decision: 'refused',
  groups: [
    {
      group: 'income_credit',
      label: 'Revenus et crédit',
      fields: [
        { name: 'AMT_INCOME_TOTAL', label: 'Revenu annuel', description: 'Revenu du client', value: 202500 },
        { name: 'AMT_CREDIT', label: 'Montant du prêt', description: 'Montant du prêt', value: 406597.5 },
        { name: 'AMT_ANNUITY', label: 'Remboursement annuel', description: 'Annuité du prêt', value: 32566.5 },
      ],
    },
    {
      group: 'identity',
      label: 'Identité',
      fields: [
        { name: 'CODE_GENDER', label: 'Genre', description: 'Genre', value: 'M' },
        { name: 'DAYS_BIRTH', label: 'Âge', description: 'Âge en jours', value: -9461 },
      ],
    },
    {
      group: 'external_scores',
      label: 'Scores externes',
      fields: [{ name: 'EXT_SOURCE_3', label: 'Score externe 3', description: 'Score externe', value: 0.139 }],
    },
  ],
});

export const whatIf = (overrides: Partial<WhatIf> = {}): WhatIf => ({
  simulation: true,
  clientId: 100002,
  original: { probabilityOfDefault: 0.62, decision: 'refused' },
  updated: explanation({ probabilityOfDefault: 0.31, decision: 'granted', rawScore: -0.8 }),
  probabilityChange: -0.31,
  decisionChanged: true,
  changedFeatures: [{ feature: 'AMT_CREDIT', label: 'Montant du crédit', from: 406597.5, to: 200000 }],
  ...overrides,
});
