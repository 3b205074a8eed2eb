import type { RawApplication, RawValue } from '../core/api-types';
import type { Messages } from '../shared/i18n/messages';

export type FormFieldName = keyof Messages['application']['fields'];
export type FormGroupName = keyof Messages['application']['groups'];

export interface FormField {
  name: FormFieldName;
  kind: 'amount' | 'number' | 'category';
  /** For `category`: the values offered when the model does not list them. */
  categories?: readonly string[];
  min?: number;
  max?: number;
}

/** The fields of the form, grouped as an officer fills a file in. */
export const FORM_GROUPS: readonly { group: FormGroupName; fields: readonly FormField[] }[] = [
  {
    group: 'credit',
    fields: [
      { name: 'NAME_CONTRACT_TYPE', kind: 'category', categories: ['Cash loans', 'Revolving loans'] },
      { name: 'AMT_CREDIT', kind: 'amount', min: 0 },
      { name: 'AMT_ANNUITY', kind: 'amount', min: 0 },
      { name: 'AMT_GOODS_PRICE', kind: 'amount', min: 0 },
    ],
  },
  {
    group: 'person',
    fields: [
      { name: 'CODE_GENDER', kind: 'category', categories: ['F', 'M'] },
      { name: 'AGE_YEARS', kind: 'number', min: 18, max: 100 },
      { name: 'CNT_CHILDREN', kind: 'number', min: 0 },
      { name: 'CNT_FAM_MEMBERS', kind: 'number', min: 1 },
      {
        name: 'NAME_EDUCATION_TYPE',
        kind: 'category',
        categories: [
          'Secondary / secondary special',
          'Higher education',
          'Incomplete higher',
          'Lower secondary',
          'Academic degree',
        ],
      },
      {
        name: 'NAME_FAMILY_STATUS',
        kind: 'category',
        categories: ['Married', 'Single / not married', 'Civil marriage', 'Separated', 'Widow'],
      },
      {
        name: 'NAME_HOUSING_TYPE',
        kind: 'category',
        categories: [
          'House / apartment',
          'Rented apartment',
          'With parents',
          'Municipal apartment',
          'Office apartment',
          'Co-op apartment',
        ],
      },
    ],
  },
  {
    group: 'work',
    fields: [
      { name: 'AMT_INCOME_TOTAL', kind: 'amount', min: 0 },
      {
        name: 'NAME_INCOME_TYPE',
        kind: 'category',
        categories: [
          'Working',
          'Commercial associate',
          'Pensioner',
          'State servant',
          'Unemployed',
          'Student',
          'Businessman',
          'Maternity leave',
        ],
      },
      { name: 'YEARS_EMPLOYED', kind: 'number', min: 0 },
    ],
  },
  {
    group: 'scores',
    fields: [
      { name: 'EXT_SOURCE_1', kind: 'number', min: 0, max: 1 },
      { name: 'EXT_SOURCE_2', kind: 'number', min: 0, max: 1 },
      { name: 'EXT_SOURCE_3', kind: 'number', min: 0, max: 1 },
    ],
  },
];

/** Form fields asked in years that the data holds as negative day counts. */
export const IN_YEARS: Partial<Record<FormFieldName, string>> = {
  AGE_YEARS: 'DAYS_BIRTH',
  YEARS_EMPLOYED: 'DAYS_EMPLOYED',
};
export const DAYS_PER_YEAR = 365.25;

/** The Home Credit column a form field fills. */
export const columnOf = (name: FormFieldName): string => IN_YEARS[name] ?? name;

/** Reads a typed number, accepting a decimal comma; undefined when it is not a number. */
export function parseNumber(text: string): number | undefined {
  const value = Number(text.trim().replace(/\s/g, '').replace(',', '.'));
  return text.trim() !== '' && Number.isFinite(value) ? value : undefined;
}

/** The application as the API wants it: Home Credit columns, years turned into negative day counts, empty fields left out. */
export function toRawApplication(values: Partial<Record<FormFieldName, string>>): RawApplication {
  const application: RawApplication = {};
  for (const { fields } of FORM_GROUPS) {
    for (const field of fields) {
      const text = values[field.name]?.trim() ?? '';
      if (text === '') continue;
      let value: RawValue = field.kind === 'category' ? text : (parseNumber(text) ?? null);
      const column = IN_YEARS[field.name];
      if (column && typeof value === 'number') value = -Math.round(value * DAYS_PER_YEAR);
      application[column ?? field.name] = value;
    }
  }
  return application;
}

/**
 * The form field an API problem's `field` points at ("AMT_CREDIT", "application.DAYS_BIRTH", "/application/DAYS_BIRTH");
 * none for a history row ("bureau.2.AMT_ANNUITY") or a field the form does not ask.
 */
export function formFieldOf(apiField: string | undefined): FormFieldName | undefined {
  if (!apiField) return undefined;
  const path = apiField.split(/[/.]/).filter(Boolean);
  while (path.length > 1 && /^(applications|application|changes|\d+)$/.test(path[0])) path.shift();
  if (path.length !== 1) return undefined;
  const [column] = path as [string];
  const fromYears = (Object.entries(IN_YEARS) as [FormFieldName, string][]).find(([, c]) => c === column)?.[0];
  if (fromYears) return fromYears;
  return FORM_GROUPS.flatMap((g) => g.fields).find((f) => f.name === column)?.name;
}
