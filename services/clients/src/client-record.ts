import type { ClientRecord, FieldGroupName, Language } from '@octroi/contracts';
import {
  decisionRuleOf,
  featureLabel,
  type ApplicantFeatures,
  type ApplicantRecords,
  type ModelBundle,
} from '@octroi/model-bundle';
import { GROUP_LABELS, GROUP_ORDER, fallbackGroup, fieldLabel } from './field-labels.ts';
import { requireClientRow, verdictOf } from './lookup.ts';

interface FieldLayout {
  name: string;
  label: Record<Language, string>;
  description: string;
}

/** One client's application, its fields grouped and labelled for reading, with score and decision. */
export class ClientRecords {
  /** Fields of each group in reading order, worked out once from the spec and the file's columns. */
  private readonly layout: { group: FieldGroupName; fields: FieldLayout[] }[];

  constructor(
    private readonly bundle: ModelBundle,
    private readonly features: ApplicantFeatures,
    private readonly applicants: ApplicantRecords,
  ) {
    this.layout = groupFields(bundle, applicants.fieldNames);
  }

  get(clientId: number, language: Language = 'fr'): ClientRecord {
    const row = requireClientRow(this.features, clientId);
    const { probabilityOfDefault, decision, knownOutcome } = verdictOf(this.features, row, decisionRuleOf(this.bundle));
    const applicantRow = this.applicants.rowOf(clientId);
    const raw = applicantRow < 0 ? {} : this.applicants.raw(applicantRow);
    const groups = this.layout.map(({ group, fields }) => ({
      group,
      label: GROUP_LABELS[group][language],
      fields: fields.map(({ name, label, description }) => ({
        name,
        label: label[language],
        description,
        value: raw[name] ?? null,
      })),
    }));
    return { clientId, knownOutcome, probabilityOfDefault, decision, groups };
  }
}

function groupFields(
  bundle: ModelBundle,
  fieldNames: readonly string[],
): { group: FieldGroupName; fields: FieldLayout[] }[] {
  const specOf = new Map(bundle.spec.rawFields.map((field) => [field.name, field]));
  const featureOf = new Map(bundle.spec.features.map((feature) => [feature.name, feature]));
  // One name per field: the model's own label wherever the field is also one of its features.
  const labelOf = (name: string, language: Language) => {
    const feature = featureOf.get(name);
    return feature ? featureLabel(feature, language) : fieldLabel(name, language);
  };
  const byGroup = new Map<FieldGroupName, FieldLayout[]>(GROUP_ORDER.map((group) => [group, []]));
  for (const name of fieldNames) {
    const spec = specOf.get(name);
    const group = spec?.group && spec.group in GROUP_LABELS ? spec.group : fallbackGroup(name);
    byGroup.get(group)!.push({
      name,
      label: { fr: labelOf(name, 'fr'), en: labelOf(name, 'en') },
      description: spec?.description ?? '',
    });
  }
  return [...byGroup].filter(([, fields]) => fields.length > 0).map(([group, fields]) => ({ group, fields }));
}
