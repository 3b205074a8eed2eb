/**
 * Counterfactual for a refused client: the smallest change to the loan itself (amount, yearly
 * repayment, price of the goods) that would get it granted. Only what the client can actually
 * decide is touched: never age, income, credit history or external scores.
 *
 * The search scores candidates with the explain service's own copy of the model; the scoring
 * service has the final word through the injected `rescore`.
 */
import type { Counterfactual, Decision, Language, RawApplication } from '@octroi/contracts';
import type { Explainer, FeatureValues } from './explainer.ts';
import { toFeatureRow } from './forest.ts';
import { changedFeatures, type DeriveFeatures } from './what-if.ts';
import { formatAmount, formatPercent, formatProbability } from './wording.ts';

export const LOAN_FIELDS = { credit: 'AMT_CREDIT', annuity: 'AMT_ANNUITY', goods: 'AMT_GOODS_PRICE' } as const;

/** Used when the model has no feature of that name to take the label from. */
const LOAN_FIELD_LABELS: Record<string, Record<Language, string>> = {
  AMT_CREDIT: { fr: 'Montant du prêt', en: 'Amount of the loan' },
  AMT_ANNUITY: { fr: 'Remboursement annuel', en: 'Yearly repayment' },
  AMT_GOODS_PRICE: { fr: 'Prix du bien financé', en: 'Price of the goods financed' },
};

/** The scoring service's verdict on the client's application with the changes applied. */
export type Rescore = (raw: RawApplication) => Promise<{ probabilityOfDefault: number; decision: Decision }>;

export interface CounterfactualInput {
  clientId: number;
  raw: RawApplication;
  features: FeatureValues;
  language?: Language;
}

export interface CounterfactualOptions {
  rescore?: Rescore;
  /** Largest relative reduction tried, e.g. 0.5 for half the amount. */
  maxReduction?: number;
  /** Grid step of the reductions. */
  step?: number;
  /** Candidates the scoring service may turn down before the search gives up. */
  maxRescoreAttempts?: number;
}

/** One way of changing the loan, by a relative reduction r. */
interface Lever {
  name: 'smallerLoan' | 'smallerLoanCheaperGoods' | 'longerTerm';
  apply(loan: Loan, r: number): Partial<Loan>;
}

interface Loan {
  credit: number;
  annuity: number;
  goods: number | null;
}

/**
 * Ordered from the least disruptive for the client: borrow less and repay proportionally less
 * (same term, more personal contribution); borrow less for cheaper goods; keep the amount and
 * spread the repayments over a longer term.
 */
const LEVERS: Lever[] = [
  {
    name: 'smallerLoan',
    apply: (loan, r) => ({ credit: roundDown(loan.credit * (1 - r)), annuity: round(loan.annuity * (1 - r)) }),
  },
  {
    name: 'smallerLoanCheaperGoods',
    apply: (loan, r) =>
      loan.goods === null
        ? {}
        : {
            credit: roundDown(loan.credit * (1 - r)),
            annuity: round(loan.annuity * (1 - r)),
            goods: roundDown(loan.goods * (1 - r)),
          },
  },
  { name: 'longerTerm', apply: (loan, r) => ({ annuity: round(loan.annuity * (1 - r)) }) },
];

/** Amounts a person would propose: whole hundreds for the loan and goods, whole units for repayments. */
const roundDown = (amount: number): number => Math.floor(amount / 100) * 100;
const round = (amount: number): number => Math.round(amount);

interface Candidate {
  reduction: number;
  changes: Partial<Loan>;
}

export async function counterfactual(
  explainer: Explainer,
  derive: DeriveFeatures,
  input: CounterfactualInput,
  { rescore, maxReduction = 0.5, step = 0.02, maxRescoreAttempts = 3 }: CounterfactualOptions = {},
): Promise<Counterfactual> {
  const language = input.language ?? 'fr';
  const original = explainer.score(toFeatureRow(input.features));
  const base = {
    simulation: true as const,
    clientId: input.clientId,
    language,
    original: { probabilityOfDefault: original.probabilityOfDefault, decision: original.decision },
  };
  if (original.decision === 'granted')
    return { ...base, found: true, message: MESSAGES[language].alreadyGranted, changes: [], result: null };
  const loan = loanOf(input.raw);
  if (loan === null)
    return { ...base, found: false, message: MESSAGES[language].noLoanAmounts, changes: [], result: null };

  let attempts = 0;
  for (const candidate of candidates(loan, maxReduction, step)) {
    const fields = fieldsOf(candidate.changes);
    const local = explainer.score(changedFeatures(explainer, derive, { ...input, changes: fields }));
    if (local.decision !== 'granted') continue;
    const verdict = rescore ? await rescore({ ...input.raw, ...fields }) : local;
    if (verdict.decision !== 'granted') {
      if (++attempts >= maxRescoreAttempts) break;
      continue;
    }
    const changes = changeList(explainer, input.raw, candidate.changes, language);
    return {
      ...base,
      found: true,
      message: foundMessage(changes, original.probabilityOfDefault, verdict.probabilityOfDefault, language),
      changes,
      result: {
        probabilityOfDefault: verdict.probabilityOfDefault,
        decision: verdict.decision,
        verifiedByScoring: rescore !== undefined,
      },
    };
  }
  return { ...base, found: false, message: MESSAGES[language].notFound(maxReduction), changes: [], result: null };
}

function* candidates(loan: Loan, maxReduction: number, step: number): Generator<Candidate> {
  const steps = Math.round(maxReduction / step);
  for (let k = 1; k <= steps; k++) {
    const reduction = k * step;
    for (const lever of LEVERS) {
      const changes = lever.apply(loan, reduction);
      if (Object.keys(changes).length > 0) yield { reduction, changes };
    }
  }
}

function loanOf(raw: RawApplication): Loan | null {
  const credit = raw[LOAN_FIELDS.credit];
  const annuity = raw[LOAN_FIELDS.annuity];
  const goods = raw[LOAN_FIELDS.goods];
  if (typeof credit !== 'number' || typeof annuity !== 'number' || !(credit > 0) || !(annuity > 0)) return null;
  return { credit, annuity, goods: typeof goods === 'number' && goods > 0 ? goods : null };
}

function fieldsOf(changes: Partial<Loan>): RawApplication {
  const fields: RawApplication = {};
  for (const [key, value] of Object.entries(changes)) fields[LOAN_FIELDS[key as keyof Loan]] = value;
  return fields;
}

type Change = Counterfactual['changes'][number];

function changeList(explainer: Explainer, raw: RawApplication, changes: Partial<Loan>, language: Language): Change[] {
  return Object.entries(fieldsOf(changes)).map(([field, to]) => ({
    field,
    label: explainer.featureIndex.has(field) ? explainer.label(field, language) : LOAN_FIELD_LABELS[field]![language],
    from: raw[field] ?? null,
    to: to,
  }));
}

function foundMessage(changes: Change[], before: number, after: number, language: Language): string {
  const parts = changes.map((c) =>
    MESSAGES[language].change(c.label, formatAmount(language, Number(c.to)), formatAmount(language, Number(c.from))),
  );
  return MESSAGES[language].found(parts, formatProbability(language, after), formatProbability(language, before));
}

const MESSAGES = {
  fr: {
    alreadyGranted: 'La demande est déjà accordée : aucune modification n’est nécessaire.',
    noLoanAmounts:
      'Le montant du prêt et le remboursement annuel ne sont pas connus : aucune modification ne peut être proposée.',
    notFound: (max: number) =>
      `Aucune réduction du montant, du remboursement annuel ou du prix du bien jusqu’à ${formatPercent('fr', max)} ne suffit à obtenir l’accord.`,
    change: (label: string, to: string, from: string) => `${lowerFirst(label)} ${to} au lieu de ${from}`,
    found: (parts: string[], after: string, before: string) =>
      `La demande serait accordée (probabilité de défaut ${after} au lieu de ${before}) avec ces changements : ${parts.join(' ; ')}.`,
  },
  en: {
    alreadyGranted: 'The application is already granted: nothing needs to change.',
    noLoanAmounts: 'The loan amount and yearly repayment are not known: no change can be suggested.',
    notFound: (max: number) =>
      `No reduction of the loan amount, the yearly repayment or the price of the goods of up to ${formatPercent('en', max)} is enough for the loan to be granted.`,
    change: (label: string, to: string, from: string) => `${lowerFirst(label)} ${to} instead of ${from}`,
    found: (parts: string[], after: string, before: string) =>
      `The loan would be granted (probability of default ${after} instead of ${before}) with these changes: ${parts.join('; ')}.`,
  },
} as const;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
