import type { FieldProblem } from '../core/api-types';
import type { I18n } from '../shared/i18n/i18n';
import { DAYS_PER_YEAR, type FormFieldName, IN_YEARS, formFieldOf } from './application-fields';
import { type HistoryDraft, historyInputOf } from './history-rows';

/** A problem the intake rules found, placed at its form field when the form has one. */
export interface FormProblem {
  field?: FormFieldName;
  /** The id of the input holding the value at fault (an application field or a typed history row). */
  inputId?: string;
  /** The API's name of the field (`AMT_CREDIT`, `bureau.2.DAYS_CREDIT`), said when the form has no such field. */
  apiField: string;
  text: string;
}

/**
 * Words an intake problem in the officer's language from its rule code and figures (the API's own message is
 * English). A bound on a field the form asks in years is said in years: the data counts days back from the
 * application, so the day count's maximum is the smallest number of years.
 */
export function wordProblem(problem: FieldProblem, i18n: I18n, history?: HistoryDraft): FormProblem {
  const t = i18n.t().intake;
  const field = formFieldOf(problem.field);
  const historyInput = history && historyInputOf(problem.field, history);
  const inputId = field ? `app-${field}` : historyInput;
  const params = problem.params ?? {};
  const figure = (key: string) => i18n.number(Number(params[key]));
  const inYears = (field !== undefined && IN_YEARS[field] !== undefined) || !!historyInput?.includes('-YEARS_');
  // + 0: a bound of 0 days is 0 years, not -0.
  const years = (key: string) => i18n.number(-Number(params[key]) / DAYS_PER_YEAR + 0, 'integer');
  const text = (() => {
    switch (problem.rule) {
      case 'required':
        return t.required;
      case 'type':
        return params['expected'] === 'number' ? t.number : t.text;
      case 'integer':
        return t.integer;
      case 'category':
        return t.category;
      case 'min':
        return inYears ? t.max(years('min')) : t.min(figure('min'));
      case 'max':
        return inYears ? t.min(years('max')) : t.max(figure('max'));
      case 'age_range':
        return t.ageRange(figure('minYears'), figure('maxYears'));
      case 'annuity_le_credit':
        return t.annuityAboveCredit(figure('credit'));
      case 'family_size':
        return t.familySize(figure('min'));
      case 'working_life':
        return t.workingLife(figure('minAgeYears'));
      case 'after_birth':
        return t.afterBirth;
      case 'unknown_field':
        return t.unknownField;
      default:
        return t.refused;
    }
  })();
  return { ...(field ? { field } : {}), ...(inputId ? { inputId } : {}), apiField: problem.field, text };
}
