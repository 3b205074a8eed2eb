/**
 * The reasons given to a client: the factors that weigh most toward refusal (adverse) and in
 * favour of the loan (favourable), each as one plain sentence built from the feature's readable
 * label, the client's value and how it compares with other clients.
 */
import type { Language, Reason } from '@octroi/contracts';
import {
  clientStanding,
  displayValue,
  featureLabel,
  formatPercent,
  type FeatureContext,
  type Standing,
} from './wording.ts';

/** The most reasons of each kind a client is given, as regulators and readers expect. */
export const MAX_REASONS = 4;

/** Contributions smaller than this (log-odds) move nothing worth telling. */
const NEGLIGIBLE = 1e-6;

/** A percentile this close to the middle reads as "about average". */
const AVERAGE_BAND = 10;

/** From this share of clients with the very same value, say so rather than above or below. */
const COMMON_VALUE_SHARE = 10;

const PHRASES = {
  fr: {
    higher: (share: string) => `plus que pour ${share} des clients`,
    lower: (share: string) => `moins que pour ${share} des clients`,
    average: 'dans la moyenne des clients',
    same: (share: string) => `comme pour ${share} des clients`,
    adverse: 'ce qui augmente le risque estimé',
    favourable: 'ce qui réduit le risque estimé',
    sentence: (label: string, value: string, rest: string) => `${label} : ${value}, ${rest}.`,
  },
  en: {
    higher: (share: string) => `higher than for ${share} of clients`,
    lower: (share: string) => `lower than for ${share} of clients`,
    average: 'about average among clients',
    same: (share: string) => `the same as for ${share} of clients`,
    adverse: 'which raises the estimated risk',
    favourable: 'which lowers the estimated risk',
    sentence: (label: string, value: string, rest: string) => `${label}: ${value}, ${rest}.`,
  },
} as const;

/** One feature's part in a client's score. */
export interface Factor {
  context: FeatureContext;
  value: number | null;
  /** SHAP value in log-odds; positive pushes toward default. */
  contribution: number;
  /** Set when the factor stands for several features told as one. */
  group?: { feature: string; label: Record<Language, string> };
}

export interface Reasons {
  adverse: Reason[];
  favourable: Reason[];
}

/**
 * Facts the model reads several times over, given as one reason under one name: the three external credit scores
 * and their mean, lowest, highest and spread say one thing, how other organisations rate the client.
 */
const GROUPS = [
  {
    feature: 'EXT_SOURCE',
    member: (name: string) => name.startsWith('EXT_SOURCE_'),
    /** The member whose value is told: the mean when the model has it. */
    shown: ['EXT_SOURCE_MEAN', 'EXT_SOURCE_2', 'EXT_SOURCE_3', 'EXT_SOURCE_1'],
    label: {
      fr: 'Scores de crédit externes (notes de solvabilité données par d’autres organismes, de 0 à 1), en moyenne',
      en: 'External credit scores (creditworthiness ratings from other organisations, from 0 to 1), on average',
    },
  },
] as const;

/** Each group of factors becomes one factor whose contribution is the sum of its members'. */
export function groupFactors(factors: readonly Factor[]): Factor[] {
  const grouped: Factor[] = factors.filter((f) => !GROUPS.some((g) => g.member(f.context.definition.name)));
  for (const group of GROUPS) {
    const members = factors.filter((f) => group.member(f.context.definition.name));
    if (members.length === 0) continue;
    const shown =
      group.shown.map((name) => members.find((f) => f.context.definition.name === name)).find((f) => f) ?? members[0]!;
    grouped.push({
      ...shown,
      group: { feature: group.feature, label: group.label },
      contribution: members.reduce((sum, f) => sum + f.contribution, 0),
    });
  }
  return grouped;
}

export function reasonsFor(ungrouped: readonly Factor[], language: Language): Reasons {
  const factors = groupFactors(ungrouped);
  const adverse = factors.filter((f) => f.contribution > NEGLIGIBLE).sort((a, b) => b.contribution - a.contribution);
  const favourable = factors
    .filter((f) => f.contribution < -NEGLIGIBLE)
    .sort((a, b) => a.contribution - b.contribution);
  return {
    adverse: adverse.slice(0, MAX_REASONS).map((f) => reason(f, 'adverse', language)),
    favourable: favourable.slice(0, MAX_REASONS).map((f) => reason(f, 'favourable', language)),
  };
}

function reason(factor: Factor, direction: Reason['direction'], language: Language): Reason {
  return {
    feature: factor.group?.feature ?? factor.context.definition.name,
    direction,
    text: reasonText(factor, direction, language),
    contribution: factor.contribution,
  };
}

/** "Part du revenu consacrée aux remboursements : 32 %, plus que pour 85 % des clients, ce qui augmente le risque estimé." */
export function reasonText(factor: Factor, direction: Reason['direction'], language: Language): string {
  const phrases = PHRASES[language];
  const label = factor.group?.label[language] ?? featureLabel(factor.context.definition, language);
  const value = displayValue(factor.context, factor.value, language);
  const comparison = comparedWithClients(clientStanding(factor.context, factor.value), language);
  const effect = phrases[direction];
  return phrases.sentence(label, value, comparison ? `${comparison}, ${effect}` : effect);
}

function comparedWithClients(standing: Standing | null, language: Language): string | null {
  if (standing === null) return null;
  const phrases = PHRASES[language];
  // Never "100 %": someone always has at least as much.
  const share = (percent: number): string =>
    formatPercent(language, Math.min(99, Math.max(1, Math.round(percent))) / 100);
  const { percentile, sameValueShare } = standing;
  if (sameValueShare >= COMMON_VALUE_SHARE) return phrases.same(share(sameValueShare));
  if (Math.abs(percentile - 50) < AVERAGE_BAND) return phrases.average;
  return percentile > 50 ? phrases.higher(share(percentile)) : phrases.lower(share(100 - percentile));
}
