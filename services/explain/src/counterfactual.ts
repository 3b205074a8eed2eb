/**
 * Counterfactual for a refused client: the smallest change to the loan itself that would get it granted: spread
 * over more instalments, a down payment, cheaper goods, a smaller loan (loan-levers.ts). Only what the client can
 * actually decide is touched, and only fields the lender's policy lets a simulation change: never age, income,
 * credit history or external scores. A suggestion must be a plausible application: it passes the intake rules and
 * its term stays within what real loans run to.
 *
 * The search scores candidates with the explain service's own copy of the model; the scoring service has the
 * final word through the injected `rescore`.
 */
import type { Counterfactual, Decision, Language, RawApplication } from '@octroi/contracts';
import type { Explainer, FeatureValues } from './explainer.ts';
import { toFeatureRow } from './forest.ts';
import { LEVERS, LOAN_FIELDS, fieldsOf, loanOf, type Lever, type LeverName, type Loan } from './loan-levers.ts';
import { changedFeatures, type DeriveFeatures } from './what-if.ts';
import { formatAmount, formatProbability } from './wording.ts';

export { LOAN_FIELDS };

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
  /** Whether the application with the changes is one the lender would take (intake rules, a plausible term). */
  plausible?: (raw: RawApplication) => boolean;
  /** Whether the lender's policy lets a simulation change a field. */
  actionable?: (field: string) => boolean;
  /** Candidates the scoring service may turn down before the search gives up. */
  maxRescoreAttempts?: number;
}

interface Candidate {
  lever: LeverName;
  strength: number;
  changes: Partial<Loan>;
}

export async function counterfactual(
  explainer: Explainer,
  derive: DeriveFeatures,
  input: CounterfactualInput,
  { rescore, plausible = () => true, actionable = () => true, maxRescoreAttempts = 3 }: CounterfactualOptions = {},
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

  const levers = LEVERS.filter((lever) => lever.applies(loan) && lever.fields.every((f) => actionable(LOAN_FIELDS[f])));
  const grantedLocally = (changes: Partial<Loan>) => {
    const fields = fieldsOf(changes);
    if (!plausible({ ...input.raw, ...fields })) return false;
    return explainer.score(changedFeatures(explainer, derive, { ...input, changes: fields })).decision === 'granted';
  };
  let attempts = 0;
  for (const candidate of weakestFirst(levers, loan, grantedLocally)) {
    const verdict = rescore ? await rescore({ ...input.raw, ...fieldsOf(candidate.changes) }) : undefined;
    const result =
      verdict ??
      explainer.score(changedFeatures(explainer, derive, { ...input, changes: fieldsOf(candidate.changes) }));
    if (result.decision !== 'granted') {
      if (++attempts >= maxRescoreAttempts) break;
      continue;
    }
    const changes = changeList(explainer, input.raw, candidate.changes, language);
    return {
      ...base,
      found: true,
      lever: candidate.lever,
      message: foundMessage(
        candidate,
        loan,
        changes,
        original.probabilityOfDefault,
        result.probabilityOfDefault,
        language,
      ),
      changes,
      result: {
        probabilityOfDefault: result.probabilityOfDefault,
        decision: result.decision,
        verifiedByScoring: rescore !== undefined,
      },
    };
  }
  return { ...base, found: false, message: MESSAGES[language].notFound, changes: [], result: null };
}

/**
 * For each lever, the weakest strength the model grants; then those candidates by how far they go (the relative
 * change), the levers' own order settling ties.
 */
function weakestFirst(levers: readonly Lever[], loan: Loan, granted: (changes: Partial<Loan>) => boolean): Candidate[] {
  const found: Candidate[] = [];
  for (const lever of levers) {
    for (const strength of lever.strengths) {
      const changes = lever.apply(loan, strength);
      const moved = Object.entries(changes).some(([key, value]) => loan[key as keyof Loan] !== value);
      if (moved && granted(changes)) {
        found.push({ lever: lever.name, strength, changes });
        break;
      }
    }
  }
  return found.sort((a, b) => a.strength - b.strength);
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

function foundMessage(
  candidate: Candidate,
  loan: Loan,
  changes: Change[],
  before: number,
  after: number,
  language: Language,
): string {
  const words = MESSAGES[language];
  const parts = changes.map((c) =>
    words.change(c.label, formatAmount(language, Number(c.to)), formatAmount(language, Number(c.from))),
  );
  const downPayment = formatAmount(language, loan.credit - (candidate.changes.credit ?? loan.credit));
  return words.found(
    words.levers[candidate.lever](downPayment),
    parts,
    formatProbability(language, after),
    formatProbability(language, before),
  );
}

const MESSAGES = {
  fr: {
    alreadyGranted: 'La demande est déjà accordée : aucune modification n’est nécessaire.',
    noLoanAmounts:
      'Le montant du prêt et le remboursement annuel ne sont pas connus : aucune modification ne peut être proposée.',
    notFound:
      'Aucun changement du prêt ne suffit à obtenir l’accord dans les limites d’une demande plausible : ni une durée jusqu’à deux fois plus longue, ni un apport ou un bien moins cher jusqu’à la moitié du prix, ni un montant réduit de moitié.',
    levers: {
      longerTerm: () => 'en remboursant sur une durée plus longue',
      downPayment: (amount: string) => `avec un apport personnel de ${amount}`,
      cheaperGoods: () => 'pour un bien moins cher',
      smallerLoan: () => 'en empruntant moins',
      smallerLoanLongerTerm: () => 'en empruntant moins, sur une durée plus longue',
    } satisfies Record<LeverName, (amount: string) => string>,
    change: (label: string, to: string, from: string) => `${lowerFirst(label)} ${to} au lieu de ${from}`,
    found: (how: string, parts: string[], after: string, before: string) =>
      `La demande serait accordée ${how} (probabilité de défaut ${after} au lieu de ${before}) : ${parts.join(' ; ')}.`,
  },
  en: {
    alreadyGranted: 'The application is already granted: nothing needs to change.',
    noLoanAmounts: 'The loan amount and yearly repayment are not known: no change can be suggested.',
    notFound:
      'No change of the loan is enough for it to be granted within a plausible application: neither a term up to twice as long, nor a down payment or cheaper goods of up to half the price, nor half the amount.',
    levers: {
      longerTerm: () => 'by repaying over a longer term',
      downPayment: (amount: string) => `with a down payment of ${amount}`,
      cheaperGoods: () => 'for cheaper goods',
      smallerLoan: () => 'by borrowing less',
      smallerLoanLongerTerm: () => 'by borrowing less, over a longer term',
    } satisfies Record<LeverName, (amount: string) => string>,
    change: (label: string, to: string, from: string) => `${lowerFirst(label)} ${to} instead of ${from}`,
    found: (how: string, parts: string[], after: string, before: string) =>
      `The loan would be granted ${how} (probability of default ${after} instead of ${before}): ${parts.join('; ')}.`,
  },
} as const;

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
