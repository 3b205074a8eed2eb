/**
 * How a feature reads to a client: its label in their language and its value in everyday units
 * (ages in years, amounts with digit grouping, shares as percentages, categories by name).
 */
import type { Language } from '@octroi/contracts';
import { percentileOf, type FeatureDefinition, type FeaturePopulation } from '@octroi/model-bundle';

const DAYS_PER_YEAR = 365.25;
const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

const WORDS = {
  fr: { missing: 'non renseigné', yes: 'oui', no: 'non', years: 'ans', year: 'an', months: 'mois' },
  en: { missing: 'not provided', yes: 'yes', no: 'no', years: 'years', year: 'year', months: 'months' },
} as const;

/** A feature together with what the population tells about it. */
export interface FeatureContext {
  definition: FeatureDefinition;
  population: FeaturePopulation | undefined;
}

/** Elapsed time stored as days before the application, negative: read as a duration in years. */
function isElapsedDays(context: FeatureContext): boolean {
  return context.definition.unit === 'days';
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

export function featureLabel(definition: FeatureDefinition, language: Language): string {
  const label = definition.label?.[language] ?? definition.label?.en ?? definition.description ?? humanise(definition.name);
  return definition.unit === 'days' ? asDuration(label, language) : label;
}

/** "Age (days before the application)" → "Age": the value is shown in years, not days. */
function asDuration(label: string, language: Language): string {
  const unitWord = language === 'fr' ? /\s*\([^)]*\bjours?\b[^)]*\)/i : /\s*\([^)]*\bdays?\b[^)]*\)/i;
  const trimmed = label.replace(unitWord, '');
  return language === 'fr' ? trimmed.replace(/^Jours depuis/, 'Temps écoulé depuis') : trimmed.replace(/^Days since/, 'Time since');
}

function humanise(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function number(language: Language, value: number, options: Intl.NumberFormatOptions = {}): string {
  return new Intl.NumberFormat(LOCALES[language], options).format(value);
}

export function formatPercent(language: Language, share: number): string {
  return number(language, share, { style: 'percent', maximumFractionDigits: Math.abs(share) < 0.01 ? 1 : 0 });
}

export function formatAmount(language: Language, amount: number): string {
  return number(language, amount, { maximumFractionDigits: 0 });
}

/** The value as a client would say it: "45 ans", "202 500", "32 %", "Working", "not provided". */
export function displayValue(context: FeatureContext, value: number | null, language: Language): string {
  const words = WORDS[language];
  const { definition } = context;
  if (value === null || Number.isNaN(value)) return words.missing;
  if (isCategory(definition)) return definition.categories?.[Math.trunc(value)] ?? words.missing;
  if (isElapsedDays(context)) return duration(Math.abs(value) / DAYS_PER_YEAR, language);
  if (isShare(context)) return formatPercent(language, value);
  switch (definition.unit) {
    case 'flag':
      return value >= 0.5 ? words.yes : words.no;
    case 'currency':
    case 'count':
      return formatAmount(language, value);
    case 'years':
      return yearsOf(Math.round(value), language);
    case 'hour':
      return language === 'fr' ? `${Math.round(value)} h` : `${String(Math.round(value)).padStart(2, '0')}:00`;
    default:
      return number(language, value, { maximumFractionDigits: Math.abs(value) >= 100 ? 0 : 2 });
  }
}

function duration(years: number, language: Language): string {
  const words = WORDS[language];
  if (years < 1) return `${Math.floor(years * 12)} ${words.months}`;
  return yearsOf(Math.floor(years), language);
}

/** French keeps the singular below two ("1 an", "0 an"), English only for one. */
function yearsOf(whole: number, language: Language): string {
  const singular = language === 'fr' ? Math.abs(whole) < 2 : whole === 1;
  return `${number(language, whole)} ${singular ? WORDS[language].year : WORDS[language].years}`;
}

/** Where the client stands among clients: their percentile, and how many share their exact value. */
export interface Standing {
  /** 0 to 100, in the direction the value is read. */
  percentile: number;
  /** Percentage of clients with this very value when many have it (a count of 0, a flag), else 0. */
  sameValueShare: number;
}

/**
 * Read off the population's 101 quantiles. An age in years grows as the (negative) number of days
 * before the application falls, so elapsed days are mirrored.
 */
export function clientStanding(context: FeatureContext, value: number | null): Standing | null {
  if (value === null || Number.isNaN(value) || !context.population || isCategory(context.definition)) return null;
  if (context.definition.unit === 'flag') return null;
  const { quantiles } = context.population;
  const percentile = percentileOf(value, quantiles);
  if (percentile === null) return null;
  const first = quantiles.indexOf(value);
  const sameValueShare = first < 0 ? 0 : quantiles.lastIndexOf(value) - first;
  const median = quantiles[50];
  const mirrored = isElapsedDays(context) && typeof median === 'number' && median < 0;
  return { percentile: mirrored ? 100 - percentile : percentile, sameValueShare };
}
