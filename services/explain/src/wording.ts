/**
 * How a feature reads to a client: its label in their language and its value in everyday units
 * (ages in years, amounts with digit grouping, shares as percentages, categories by name).
 */
import type { Language } from '@octroi/contracts';
import { featureLabel, percentileOf, type FeatureDefinition, type FeaturePopulation } from '@octroi/model-bundle';
import { categoryWords } from './category-words.ts';

export { featureLabel };

const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const WORDS = {
  fr: {
    missing: 'non renseigné',
    yes: 'oui',
    no: 'non',
    years: 'ans',
    year: 'an',
    months: 'mois',
    month: 'mois',
    days: 'jours',
    day: 'jour',
  },
  en: {
    missing: 'not provided',
    yes: 'yes',
    no: 'no',
    years: 'years',
    year: 'year',
    months: 'months',
    month: 'month',
    days: 'days',
    day: 'day',
  },
} as const;

/** A feature together with what the population tells about it. */
export interface FeatureContext {
  definition: FeatureDefinition;
  population: FeaturePopulation | undefined;
}

/** A duration in days or months: read in days, months or years, whichever a person would use. */
function isDuration(definition: FeatureDefinition): boolean {
  return definition.unit === 'days' || definition.unit === 'months';
}

/**
 * Time before the application is stored negative (DAYS_BIRTH = -12000): the client's age grows
 * as the number falls, so comparisons with other clients are mirrored.
 */
function countsBackwards(context: FeatureContext): boolean {
  const median = context.population?.quantiles[50];
  return isDuration(context.definition) && typeof median === 'number' && median < 0;
}

function isCategory(definition: FeatureDefinition): boolean {
  return definition.kind === 'categorical' || definition.unit === 'category';
}

/**
 * A ratio that is a share (repayment over income, time in job over age) reads as a percentage;
 * a ratio that is a multiple (loan over income) reads as a plain number.
 */
function isShare(context: FeatureContext): boolean {
  if (context.definition.unit !== 'ratio') return false;
  const quantiles = context.population?.quantiles ?? [];
  const low = quantiles[1];
  const high = quantiles[99];
  return typeof low === 'number' && typeof high === 'number' && low >= -1 && high <= 1;
}

/** Building a NumberFormat costs far more than using one: an explanation formats every feature. */
const formatters = new Map<string, Intl.NumberFormat>();

function number(language: Language, value: number, options: Intl.NumberFormatOptions = {}): string {
  const key = `${language} ${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat(LOCALES[language], options)));
  return formatter.format(value);
}

export function formatPercent(language: Language, share: number): string {
  return number(language, share, { style: 'percent', maximumFractionDigits: Math.abs(share) < 0.01 ? 1 : 0 });
}

/** A probability of default: always to a tenth of a percent, so that two different risks never read the same. */
export function formatProbability(language: Language, probability: number): string {
  return number(language, probability, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatAmount(language: Language, amount: number): string {
  return number(language, amount, { maximumFractionDigits: 0 });
}

/** The value as a client would say it: "45 ans", "202 500", "32 %", "Working", "not provided". */
export function displayValue(context: FeatureContext, value: number | null, language: Language): string {
  const words = WORDS[language];
  const { definition } = context;
  if (value === null || Number.isNaN(value)) return words.missing;
  if (isCategory(definition)) {
    const category = definition.categories?.[Math.trunc(value)];
    return category === undefined ? words.missing : categoryWords(category, language);
  }
  if (isDuration(definition))
    return duration(Math.abs(value) * (definition.unit === 'months' ? DAYS_PER_MONTH : 1), language);
  if (isShare(context)) return formatPercent(language, value);
  switch (definition.unit) {
    case 'flag':
      return value >= 0.5 ? words.yes : words.no;
    case 'currency':
    case 'count':
      return formatAmount(language, value);
    case 'years':
      return counted(Math.round(value), 'year', 'years', language);
    case 'hour':
      return language === 'fr' ? `${Math.round(value)} h` : `${String(Math.round(value)).padStart(2, '0')}:00`;
    default:
      return number(language, value, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  }
}

function duration(days: number, language: Language): string {
  if (days < 61) return counted(days, 'day', 'days', language, days < 10 ? 1 : 0);
  if (days < 2 * DAYS_PER_YEAR) return counted(Math.floor(days / DAYS_PER_MONTH), 'month', 'months', language);
  return counted(Math.floor(days / DAYS_PER_YEAR), 'year', 'years', language);
}

/** French keeps the singular below two ("1 an", "0,5 jour"), English only for exactly one. */
function counted(
  amount: number,
  one: 'day' | 'month' | 'year',
  many: 'days' | 'months' | 'years',
  language: Language,
  decimals = 0,
): string {
  const singular = language === 'fr' ? Math.abs(amount) < 2 : amount === 1;
  return `${number(language, amount, { maximumFractionDigits: decimals })} ${WORDS[language][singular ? one : many]}`;
}

/** Where the client stands among clients: their percentile, and how many share their exact value. */
export interface Standing {
  /** 0 to 100, in the direction the value is read. */
  percentile: number;
  /** Percentage of clients with this very value when many have it (a count of 0, a flag), else 0. */
  sameValueShare: number;
}

/** Read off the population's 101 quantiles, mirrored for time counted backwards. */
export function clientStanding(context: FeatureContext, value: number | null): Standing | null {
  if (value === null || Number.isNaN(value) || !context.population || isCategory(context.definition)) return null;
  if (context.definition.unit === 'flag') return null;
  const { quantiles } = context.population;
  const percentile = percentileOf(value, quantiles);
  if (percentile === null) return null;
  const first = quantiles.indexOf(value);
  const sameValueShare = first < 0 ? 0 : quantiles.lastIndexOf(value) - first;
  return { percentile: countsBackwards(context) ? 100 - percentile : percentile, sameValueShare };
}
