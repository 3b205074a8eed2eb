import { Type, type Static } from '@sinclair/typebox';

/**
 * The stable codes of what can be wrong with one field. The dashboard words each one in French or English from
 * the code and its `params`; API users read the English `message`.
 */
export const FIELD_RULES = [
  'required',
  'unknown_field',
  'type',
  'integer',
  'category',
  'min',
  'max',
  'age_range',
  'annuity_le_credit',
  'family_size',
  'working_life',
  'after_birth',
  'unknown_credit',
  'duplicate_id',
  'other_client',
  'too_many_rows',
  'too_many_problems',
] as const;
export type FieldRule = (typeof FIELD_RULES)[number];

export const FieldProblem = Type.Object({
  field: Type.String({
    description: 'Where the problem is: AMT_CREDIT, applications.3.DAYS_BIRTH, bureau.2.AMT_CREDIT_SUM, ...',
  }),
  rule: Type.String({ description: `A stable code: ${FIELD_RULES.join(', ')}` }),
  message: Type.String({ description: 'The problem in English, for people' }),
  params: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.Number(), Type.String()]), {
      description: 'The figures the message quotes (limits, allowed values), for wording it in another language',
    }),
  ),
});
export type FieldProblem = Static<typeof FieldProblem>;
export type ProblemParams = NonNullable<FieldProblem['params']>;

/** An answer lists at most this many problems: a file with thousands of bad rows still gets a readable reply. */
export const MAX_PROBLEMS = 200;

const figure = (value: number | string | undefined) =>
  typeof value === 'number' ? value.toLocaleString('en-GB', { maximumFractionDigits: 6 }) : String(value);

/** The English sentence for a problem, after the field name. */
export function describeRule(rule: FieldRule, params: ProblemParams = {}): string {
  switch (rule) {
    case 'required':
      return 'is required';
    case 'unknown_field':
      return `is not a known field${params['table'] ? ` of ${params['table']}` : ''}`;
    case 'type':
      return `must be ${params['expected'] === 'number' ? 'a number' : params['expected'] === 'text' ? 'text' : `a JSON ${String(params['expected'])}`}`;
    case 'integer':
      return 'must be a whole number';
    case 'category':
      return `must be one of: ${String(params['allowed'])}`;
    case 'min':
      return `must be at least ${figure(params['min'])}`;
    case 'max':
      return `must be at most ${figure(params['max'])}`;
    case 'age_range':
      return `the applicant must be between ${figure(params['minYears'])} and ${figure(params['maxYears'])} years old on the application date`;
    case 'annuity_le_credit':
      return `the repayment cannot exceed the amount of the loan (${figure(params['credit'])})`;
    case 'family_size':
      return `the household counts the applicant and the children: at least ${figure(params['min'])}`;
    case 'working_life':
      return `the current job cannot have started before the applicant was ${figure(params['minAgeYears'])}`;
    case 'after_birth':
      return 'cannot be earlier than the applicant’s birth';
    case 'unknown_credit':
      return 'names no credit of the bureau rows (SK_ID_BUREAU)';
    case 'duplicate_id':
      return 'is given to another row too';
    case 'other_client':
      return `belongs to another applicant than ${figure(params['applicant'])}`;
    case 'too_many_rows':
      return `holds more than ${figure(params['max'])} rows`;
    case 'too_many_problems':
      return `and ${figure(params['more'])} more problems`;
  }
}

/** One problem, its English message made from the rule. */
export function problem(field: string, rule: FieldRule, params?: ProblemParams): FieldProblem {
  return {
    field,
    rule,
    message: `${field ? `${field}: ` : ''}${describeRule(rule, params)}`,
    ...(params ? { params } : {}),
  };
}

/** The problems with a prefix (`applications.3`) put before each field. */
export function underField(prefix: string, problems: FieldProblem[]): FieldProblem[] {
  if (!prefix) return problems;
  return problems.map((p) => problem(p.field ? `${prefix}.${p.field}` : prefix, p.rule as FieldRule, p.params));
}

/** At most MAX_PROBLEMS, the last saying how many were left out. */
export function capped(problems: FieldProblem[]): FieldProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const more = problems.length - (MAX_PROBLEMS - 1);
  return [...problems.slice(0, MAX_PROBLEMS - 1), problem('', 'too_many_problems', { more })];
}
