import { DOCUMENT } from '@angular/common';
import { Injectable, computed, effect, inject, signal } from '@angular/core';

import type { Language } from '../../core/api-types';
import { en } from './en';
import { fr } from './fr';
import type { Messages } from './messages';

export const LANGUAGES: readonly Language[] = ['fr', 'en'];
export const DEFAULT_LANGUAGE: Language = 'fr';

const dictionaries: Record<Language, Messages> = { fr, en };
const locales: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * The chosen language, its words and its number formats. The language itself comes
 * from the URL (`/fr/...`, `/en/...`) so that a shared link opens in the same language.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);

  readonly language = signal<Language>(DEFAULT_LANGUAGE);
  readonly t = computed<Messages>(() => dictionaries[this.language()]);
  readonly locale = computed(() => locales[this.language()]);
  readonly other = computed<Language>(() => (this.language() === 'fr' ? 'en' : 'fr'));

  /** A category value of the data in words, or as it is when the dictionary has no words for it. */
  category(value: string): string {
    return (this.t().categories as Partial<Record<string, string>>)[value] ?? value;
  }

  private readonly formats = computed(() => {
    const locale = this.locale();
    return {
      integer: new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }),
      decimal: new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }),
      oneDecimal: new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      compact: new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 2 }),
      percent: new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }),
      roundPercent: new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }),
      plain: new Intl.NumberFormat(locale, { maximumFractionDigits: 4, useGrouping: false }),
      currency: new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 }),
      date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }),
    };
  });

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.language();
    });
  }

  /** A number with at most two decimals, or one digit when asked. */
  number(
    value: number | null | undefined,
    style: 'integer' | 'decimal' | 'oneDecimal' | 'compact' = 'decimal',
  ): string {
    return value === null || value === undefined || Number.isNaN(value) ? '–' : this.formats()[style].format(value);
  }

  /** A number to edit in a box: the locale's decimal mark, no grouping, at most four decimals. */
  plainNumber(value: number): string {
    return this.formats().plain.format(value);
  }

  /** A probability (0–1) as a percentage with one decimal. */
  percent(value: number | null | undefined, round = false): string {
    if (value === null || value === undefined || Number.isNaN(value)) return '–';
    return this.formats()[round ? 'roundPercent' : 'percent'].format(value);
  }

  /** A gap between two probabilities, in percentage points with a sign. */
  points(delta: number): string {
    const sign = delta > 0 ? '+' : delta < 0 ? '−' : '';
    return `${sign}${this.formats().oneDecimal.format(Math.abs(delta * 100))}`;
  }

  /** The colon as each language writes it: spaced in French, tight in English. */
  readonly colon = computed(() => (this.language() === 'fr' ? '\u202f:' : ':'));

  /** "Label : value" in French, "Label: value" in English. */
  labelled(label: string, value: string): string {
    return `${label}${this.colon()} ${value}`;
  }

  currency(value: number | null | undefined): string {
    return value === null || value === undefined || Number.isNaN(value) ? '–' : this.formats().currency.format(value);
  }

  date(value: string | number | Date): string {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : this.formats().date.format(date);
  }
}
