/**
 * A feature's name as people say it, in their language: the label of the feature specification, without the
 * storage unit of durations ("Age (days before the application)" reads "Age": the value carries its unit).
 * The one source of a field's name for the reasons, the client's file and the dashboard.
 */
import type { Language } from '@octroi/contracts';

/** What a label is made from: a feature of the specification, or a raw field described the same way. */
export interface Labelled {
  name: string;
  label?: { en?: string; fr?: string };
  description?: string;
  unit?: string;
}

export function featureLabel(definition: Labelled, language: Language): string {
  const label =
    definition.label?.[language] ?? definition.label?.en ?? definition.description ?? humanise(definition.name);
  return isDuration(definition) ? asDuration(label, language) : label;
}

/** "Age (days before the application)" → "Age", "Days since…" → "Time since…": the value carries its unit. */
function asDuration(label: string, language: Language): string {
  if (language === 'fr') {
    return label
      .replace(/\s*\([^)]*\b(jours?|mois)\b[^)]*\)/i, '')
      .replace(/^(Jours|Mois) depuis/, 'Temps écoulé depuis')
      .replace(/^(Jours|Mois) avant/, 'Temps restant avant');
  }
  return label
    .replace(/\s*\([^)]*\b(days?|months?)\b[^)]*\)/i, '')
    .replace(/^(Days|Months) since/, 'Time since')
    .replace(/^(Days|Months) until/, 'Time until');
}

function humanise(name: string): string {
  const words = name.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function isDuration(definition: Labelled): boolean {
  return definition.unit === 'days' || definition.unit === 'months';
}
