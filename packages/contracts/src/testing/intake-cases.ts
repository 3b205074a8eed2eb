import { EXAMPLE_APPLICATION } from '../intake/example.ts';
import { REQUIRED_APPLICATION_FIELDS } from '../intake/rules.ts';

export interface RefusedApplication {
  name: string;
  application: Record<string, string | number>;
  /** Every field the 400 must name, no more. */
  fields: string[];
}

/** Applications every channel (API, batch file, dashboard) must refuse, each with the fields its answer names. */
export const REFUSED_APPLICATIONS: RefusedApplication[] = [
  { name: 'an empty application', application: {}, fields: [...REQUIRED_APPLICATION_FIELDS] },
  {
    name: 'an applicant aged 12',
    application: { ...EXAMPLE_APPLICATION, DAYS_BIRTH: -12 * 365 },
    fields: ['DAYS_BIRTH'],
  },
  { name: 'zero income', application: { ...EXAMPLE_APPLICATION, AMT_INCOME_TOTAL: 0 }, fields: ['AMT_INCOME_TOTAL'] },
  {
    name: 'a negative loan',
    application: { ...EXAMPLE_APPLICATION, AMT_CREDIT: -5, AMT_ANNUITY: 100 },
    fields: ['AMT_CREDIT'],
  },
  {
    name: 'a 5 € loan',
    application: { ...EXAMPLE_APPLICATION, AMT_CREDIT: 5, AMT_ANNUITY: 100 },
    fields: ['AMT_CREDIT'],
  },
  {
    name: 'all of these at once, and a repayment above the loan',
    application: {
      ...EXAMPLE_APPLICATION,
      DAYS_BIRTH: -12 * 365,
      AMT_INCOME_TOTAL: 0,
      AMT_ANNUITY: 700_000,
      CNT_FAM_MEMBERS: 1,
      CNT_CHILDREN: 2,
    },
    fields: ['DAYS_BIRTH', 'AMT_INCOME_TOTAL', 'AMT_ANNUITY', 'CNT_FAM_MEMBERS'],
  },
];
