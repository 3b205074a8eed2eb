import type { RawValue } from '../../core/api-types';
import type { I18n } from '../i18n/i18n';

const DAYS_PER_YEAR = 365.25;

/**
 * A Home Credit field's raw value in words: amounts as currency, `DAYS_*` counts (negative,
 * counted back from the application) as years, 0/1 flags as yes/no, category values in words.
 */
export function formatFieldValue(name: string, value: RawValue, i18n: I18n): string {
  const t = i18n.t().client;
  if (value === null || value === '') return t.missing;
  if (typeof value === 'string') return i18n.category(value);
  if (name.startsWith('AMT_')) return i18n.currency(value);
  // Age in whole years as people count it (34 until the 35th birthday), the same as in the reasons.
  if (name === 'DAYS_BIRTH') return t.yearsValue(i18n.number(Math.floor(Math.abs(value) / DAYS_PER_YEAR), 'integer'));
  if (name === 'DAYS_EMPLOYED' && value > 0) return t.missing; // 365243 marks "not employed" in the data
  if (name.startsWith('DAYS_')) return t.yearsAgo(i18n.number(Math.abs(value) / DAYS_PER_YEAR, 'oneDecimal'));
  if (name.startsWith('FLAG_') || name.startsWith('REG_') || name.startsWith('LIVE_')) {
    if (value === 0) return t.no;
    if (value === 1) return t.yes;
  }
  return i18n.number(value);
}
