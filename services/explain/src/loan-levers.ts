/**
 * The ways a refused client can change the loan itself, each with the strengths tried, weakest first. A lever
 * touches only the loan's terms (amount, repayment, price of the goods); a counterfactual uses it only when the
 * lender's policy lets a simulation change every field it touches.
 */
import type { RawApplication } from '@octroi/contracts';

export const LOAN_FIELDS = { credit: 'AMT_CREDIT', annuity: 'AMT_ANNUITY', goods: 'AMT_GOODS_PRICE' } as const;

export interface Loan {
  credit: number;
  /** The repayment per instalment; credit / annuity is the number of instalments, the term. */
  annuity: number;
  goods: number | null;
}

export type LeverName = 'longerTerm' | 'downPayment' | 'cheaperGoods' | 'smallerLoan' | 'smallerLoanLongerTerm';

export interface Lever {
  name: LeverName;
  /** The loan's fields it changes. */
  fields: ReadonlyArray<keyof Loan>;
  /** How far it goes, weakest first: a relative change (0.1 = 10 %). */
  strengths: readonly number[];
  applies(loan: Loan): boolean;
  apply(loan: Loan, strength: number): Partial<Loan>;
}

/** Amounts a person would propose: whole hundreds for the loan and goods, whole units for repayments. */
const roundDown = (amount: number): number => Math.floor(amount / 100) * 100;
const round = (amount: number): number => Math.round(amount);
const grid = (step: number, max: number) =>
  Array.from({ length: Math.round(max / step) }, (_, k) => Number(((k + 1) * step).toFixed(4)));

/** Same term: the repayment follows the amount. */
const repaymentFor = (loan: Loan, credit: number) => round((loan.annuity * credit) / loan.credit);

/**
 * In the order an officer would offer them when they go equally far: keep the loan and spread it over more
 * instalments; pay part of the goods oneself; choose cheaper goods; borrow less (no goods); borrow less over
 * more instalments.
 */
export const LEVERS: readonly Lever[] = [
  {
    name: 'longerTerm',
    fields: ['annuity'],
    strengths: grid(0.1, 1),
    applies: () => true,
    apply: (loan, s) => ({ annuity: round(loan.annuity / (1 + s)) }),
  },
  {
    name: 'downPayment',
    fields: ['credit', 'annuity'],
    strengths: grid(0.05, 0.5),
    applies: (loan) => loan.goods !== null,
    apply: (loan, s) => {
      const credit = roundDown(loan.credit - s * loan.goods!);
      return { credit, annuity: repaymentFor(loan, credit) };
    },
  },
  {
    name: 'cheaperGoods',
    fields: ['credit', 'annuity', 'goods'],
    strengths: grid(0.05, 0.5),
    applies: (loan) => loan.goods !== null,
    apply: (loan, s) => {
      const credit = roundDown(loan.credit * (1 - s));
      return { goods: roundDown(loan.goods! * (1 - s)), credit, annuity: repaymentFor(loan, credit) };
    },
  },
  {
    name: 'smallerLoan',
    fields: ['credit', 'annuity'],
    strengths: grid(0.05, 0.5),
    applies: (loan) => loan.goods === null,
    apply: (loan, s) => {
      const credit = roundDown(loan.credit * (1 - s));
      return { credit, annuity: repaymentFor(loan, credit) };
    },
  },
  {
    name: 'smallerLoanLongerTerm',
    fields: ['credit', 'annuity'],
    strengths: grid(0.05, 0.5),
    applies: () => true,
    apply: (loan, s) => {
      const credit = roundDown(loan.credit * (1 - s));
      return { credit, annuity: round(repaymentFor(loan, credit) / (1 + s)) };
    },
  },
];

/** The loan of an application, when its amount and repayment are known. */
export function loanOf(raw: RawApplication): Loan | null {
  const credit = raw[LOAN_FIELDS.credit];
  const annuity = raw[LOAN_FIELDS.annuity];
  const goods = raw[LOAN_FIELDS.goods];
  if (typeof credit !== 'number' || typeof annuity !== 'number' || !(credit > 0) || !(annuity > 0)) return null;
  return { credit, annuity, goods: typeof goods === 'number' && goods > 0 ? goods : null };
}

/** The changes as application fields. */
export function fieldsOf(changes: Partial<Loan>): RawApplication {
  const fields: RawApplication = {};
  for (const [key, value] of Object.entries(changes)) fields[LOAN_FIELDS[key as keyof Loan]] = value;
  return fields;
}
