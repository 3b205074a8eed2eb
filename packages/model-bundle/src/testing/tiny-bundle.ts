import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FeatureSpec } from '../spec.ts';
import { seededRandom } from '../random.ts';
import { arrowFileBytes, type ColumnValues } from './arrow-file.ts';

/**
 * A complete bundle of 60 made-up applicants, small enough to reason about in a test: ids
 * 100002…100031 then 100037…100066 (a gap), the first 40 with a known outcome, missing values
 * in the history feature and the occupation, NaN written as null in applicants.arrow.
 */
export const TINY_THRESHOLD = 0.3;
export const TINY_SIZE = 60;

export function tinyClientId(row: number): number {
  return 100002 + row + (row >= 30 ? 5 : 0);
}

export const tinySpec: FeatureSpec = {
  version: 1,
  target: 'TARGET',
  id: 'SK_ID_CURR',
  rawFields: [
    {
      name: 'NAME_CONTRACT_TYPE',
      type: 'string',
      group: 'income_credit',
      description: 'Identification if loan is cash or revolving',
      required: false,
      categories: ['Cash loans', 'Revolving loans'],
    },
    {
      name: 'CODE_GENDER',
      type: 'string',
      group: 'identity',
      description: 'Gender of the client',
      required: false,
      categories: ['F', 'M'],
    },
    {
      name: 'AMT_INCOME_TOTAL',
      type: 'number',
      group: 'income_credit',
      description: 'Income of the client',
      required: false,
    },
    {
      name: 'AMT_CREDIT',
      type: 'number',
      group: 'income_credit',
      description: 'Credit amount of the loan',
      required: false,
    },
    { name: 'AMT_ANNUITY', type: 'number', group: 'income_credit', description: 'Loan annuity', required: false },
    {
      name: 'DAYS_BIRTH',
      type: 'number',
      group: 'identity',
      description: "Client's age in days at the time of application",
      required: false,
    },
    {
      name: 'DAYS_EMPLOYED',
      type: 'number',
      group: 'employment',
      description: 'How many days before the application the person started current employment',
      required: false,
    },
    {
      name: 'CNT_CHILDREN',
      type: 'number',
      group: 'family',
      description: 'Number of children the client has',
      required: false,
    },
    {
      name: 'NAME_FAMILY_STATUS',
      type: 'string',
      group: 'family',
      description: 'Family status of the client',
      required: false,
      categories: ['Married', 'Single / not married'],
    },
    {
      name: 'EXT_SOURCE_1',
      type: 'number',
      group: 'external_scores',
      description: 'Normalized score from external data source',
      required: false,
    },
    {
      name: 'EXT_SOURCE_2',
      type: 'number',
      group: 'external_scores',
      description: 'Normalized score from external data source',
      required: false,
    },
    {
      name: 'FLAG_DOCUMENT_3',
      type: 'number',
      group: 'documents',
      description: 'Did client provide document 3',
      required: false,
    },
    {
      name: 'FLAG_MOBIL',
      type: 'number',
      group: 'contact',
      description: 'Did client provide mobile phone (1=YES, 0=NO)',
      required: false,
    },
    {
      name: 'NAME_HOUSING_TYPE',
      type: 'string',
      group: 'housing',
      description: 'What is the housing situation of the client',
      required: false,
      categories: ['House / apartment', 'With parents'],
    },
    {
      name: 'OCCUPATION_TYPE',
      type: 'string',
      group: 'employment',
      description: 'What kind of occupation does the client have',
      required: false,
      categories: ['Laborers', 'Core staff'],
    },
  ],
  features: [
    {
      name: 'EXT_SOURCE_MEAN',
      index: 0,
      kind: 'numeric',
      source: 'application',
      description: 'Mean of the external scores',
      label: { en: 'Mean external score', fr: 'Score externe moyen' },
      unit: 'ratio',
    },
    {
      name: 'CREDIT_INCOME_RATIO',
      index: 1,
      kind: 'numeric',
      source: 'application',
      description: 'Credit amount over income',
      label: { en: 'Credit to income', fr: 'Crédit sur revenu' },
      unit: 'ratio',
    },
    {
      name: 'AGE_YEARS',
      index: 2,
      kind: 'numeric',
      source: 'application',
      description: 'Age in years',
      label: { en: 'Age', fr: 'Âge' },
      unit: 'years',
    },
    {
      name: 'NAME_CONTRACT_TYPE',
      index: 3,
      kind: 'categorical',
      source: 'application',
      description: 'Cash or revolving loan',
      label: { en: 'Contract type', fr: 'Type de contrat' },
      unit: 'category',
      categories: ['Cash loans', 'Revolving loans'],
    },
    {
      name: 'BUREAU_ACTIVE_COUNT',
      index: 4,
      kind: 'numeric',
      source: 'bureau',
      description: 'Active credits at other lenders',
      label: { en: 'Active credits elsewhere', fr: 'Crédits actifs ailleurs' },
      unit: 'count',
    },
    {
      name: 'AMT_ANNUITY',
      index: 5,
      kind: 'numeric',
      source: 'application',
      description: 'Loan annuity',
      label: { en: 'Annuity', fr: 'Annuité' },
      unit: 'currency',
    },
  ],
  derivations: [],
};

/** Writes the tiny bundle into `dir` (a fresh temporary folder by default) and returns the folder. */
export async function writeTinyBundle(dir?: string): Promise<string> {
  const folder = dir ?? (await mkdtemp(join(tmpdir(), 'octroi-tiny-bundle-')));
  await mkdir(folder, { recursive: true });
  const data = tinyApplicants();
  const json = (value: unknown) => JSON.stringify(value, null, 1);
  const files: Record<string, string | Uint8Array> = {
    'feature_spec.json': json(tinySpec),
    'decision.json': json({ threshold: TINY_THRESHOLD, costFalseNegative: 10, costFalsePositive: 1 }),
    'metrics.json': json({ auc: 0.75 }),
    'importance.json': json(tinyImportance),
    'population.json': json(populationOf(data.features, data.targets, categoricalFeatures)),
    'features.arrow': arrowFileBytes({
      SK_ID_CURR: data.ids,
      TARGET: data.targets,
      PROBABILITY: data.probabilities,
      ...data.features,
    }),
    'applicants.arrow': arrowFileBytes(
      { SK_ID_CURR: data.ids, TARGET: data.targets, ...data.raw },
      { nanAsNull: true },
    ),
  };
  const listed = Object.entries(files).map(([name, content]) => ({
    name,
    sha256: createHash('sha256').update(content).digest('hex'),
  }));
  files['manifest.json'] = json({
    name: 'tiny',
    version: '2026.11.27-tiny',
    trainedOn: 'generated',
    dataRows: TINY_SIZE,
    files: listed,
  });
  await Promise.all(Object.entries(files).map(([name, content]) => writeFile(join(folder, name), content)));
  return folder;
}

const categoricalFeatures = Object.fromEntries(
  tinySpec.features.flatMap((feature) => (feature.categories ? [[feature.name, feature.categories]] : [])),
);

const tinyImportance = [
  { feature: 'EXT_SOURCE_MEAN', gain: 900, split: 40 },
  { feature: 'CREDIT_INCOME_RATIO', gain: 500, split: 30 },
  { feature: 'NAME_CONTRACT_TYPE', gain: 300, split: 5 },
  { feature: 'AGE_YEARS', gain: 200, split: 20 },
  { feature: 'BUREAU_ACTIVE_COUNT', gain: 100, split: 10 },
  { feature: 'AMT_ANNUITY', gain: 50, split: 8 },
];

interface TinyApplicants {
  ids: Int32Array;
  targets: Float32Array;
  probabilities: Float32Array;
  features: Record<string, Float32Array>;
  raw: Record<string, ColumnValues>;
}

function tinyApplicants(): TinyApplicants {
  const random = seededRandom(42);
  const n = TINY_SIZE;
  const column = (make: (row: number) => number) => Float32Array.from({ length: n }, (_, row) => make(row));
  const codes = (make: (row: number) => number) => Int32Array.from({ length: n }, (_, row) => make(row));
  const income = column(() => Math.round(50_000 + random() * 250_000));
  const credit = column(() => Math.round(100_000 + random() * 900_000));
  const annuity = column((row) => Math.round(credit[row]! / (10 + random() * 20)));
  const birth = column(() => -Math.round(365.25 * (21 + random() * 45)));
  const ext1 = column(() => (random() < 0.3 ? NaN : random()));
  const ext2 = column(() => random());
  const contract = codes(() => (random() < 0.8 ? 0 : 1));
  const ids = Int32Array.from({ length: n }, (_, row) => tinyClientId(row));
  const extMean = Float32Array.from({ length: n }, (_, row) =>
    Number.isNaN(ext1[row]!) ? ext2[row]! : (ext1[row]! + ext2[row]!) / 2,
  );
  const features = {
    EXT_SOURCE_MEAN: extMean,
    CREDIT_INCOME_RATIO: Float32Array.from({ length: n }, (_, row) => credit[row]! / income[row]!),
    AGE_YEARS: Float32Array.from({ length: n }, (_, row) => -birth[row]! / 365.25),
    NAME_CONTRACT_TYPE: Float32Array.from(contract),
    BUREAU_ACTIVE_COUNT: Float32Array.from({ length: n }, () => (random() < 0.25 ? NaN : Math.floor(random() * 5))),
    AMT_ANNUITY: Float32Array.from(annuity),
  };
  const probabilities = Float32Array.from(
    extMean,
    (ext, row) => 1 / (1 + Math.exp(6 * ext - 3 - 0.2 * features.CREDIT_INCOME_RATIO[row]!)),
  );
  const targets = Float32Array.from(probabilities, (p, row) => (row >= 40 ? NaN : random() < p ? 1 : 0));
  const raw: Record<string, ColumnValues> = {
    NAME_CONTRACT_TYPE: { codes: contract, categories: ['Cash loans', 'Revolving loans'] },
    CODE_GENDER: { codes: codes((row) => (row % 3 === 0 ? 1 : 0)), categories: ['F', 'M'] },
    AMT_INCOME_TOTAL: income,
    AMT_CREDIT: credit,
    AMT_ANNUITY: annuity,
    DAYS_BIRTH: birth,
    DAYS_EMPLOYED: column(() => -Math.round(random() * 4000)),
    CNT_CHILDREN: column(() => Math.floor(random() * 3)),
    NAME_FAMILY_STATUS: {
      codes: codes(() => (random() < 0.6 ? 0 : 1)),
      categories: ['Married', 'Single / not married'],
    },
    EXT_SOURCE_1: ext1,
    EXT_SOURCE_2: ext2,
    FLAG_DOCUMENT_3: column(() => (random() < 0.7 ? 1 : 0)),
    FLAG_MOBIL: column(() => 1),
    NAME_HOUSING_TYPE: {
      codes: codes(() => (random() < 0.9 ? 0 : 1)),
      categories: ['House / apartment', 'With parents'],
    },
    OCCUPATION_TYPE: {
      codes: codes(() => (random() < 0.3 ? -1 : random() < 0.5 ? 0 : 1)),
      categories: ['Laborers', 'Core staff'],
    },
  };
  return { ids, targets, probabilities, features, raw };
}

/**
 * population.json as the training pipeline writes it, over the applicants with a known outcome: count of known
 * values, linear quantiles, ten equal-width bins for a number (a value goes to the last bin whose lower edge it
 * reaches, the last bin closed), one bin per category for a category (`categories` by feature).
 */
export function populationOf(
  features: Record<string, Float32Array>,
  targets: Float32Array,
  categories: Record<string, readonly string[]> = {},
) {
  const known = Array.from(targets.keys()).filter((row) => !Number.isNaN(targets[row]!));
  const entries = Object.entries(features).map(([feature, all]) => {
    const values = Float32Array.from(known, (row) => all[row]!);
    const outcomes = known.map((row) => targets[row]!);
    const present = values.filter((v) => !Number.isNaN(v)).sort();
    const mean = present.reduce((sum: number, v) => sum + v, 0) / present.length;
    const std = Math.sqrt(present.reduce((sum: number, v) => sum + (v - mean) ** 2, 0) / present.length);
    const quantile = (q: number) => {
      const at = q * (present.length - 1);
      const low = Math.floor(at);
      return present[low]! + (at - low) * ((present[Math.min(low + 1, present.length - 1)] ?? 0) - present[low]!);
    };
    const count = (inBin: (v: number) => boolean) => ({
      count0: outcomes.filter((y, i) => y === 0 && inBin(values[i]!)).length,
      count1: outcomes.filter((y, i) => y === 1 && inBin(values[i]!)).length,
    });
    const names = categories[feature];
    let histogram: object[];
    if (names) {
      histogram = names.map((category, code) => ({ category, code, ...count((v) => v === code) }));
    } else {
      const min = present[0]!;
      const width = (present[present.length - 1]! - min) / 10 || 1;
      const edges = Array.from({ length: 11 }, (_, i) => min + i * width);
      const binOf = (v: number) =>
        Math.min(
          9,
          Math.max(
            0,
            edges.findLastIndex((edge) => edge <= v),
          ),
        );
      histogram = Array.from({ length: 10 }, (_, i) => ({
        lower: edges[i],
        upper: edges[i + 1],
        ...count((v) => !Number.isNaN(v) && binOf(v) === i),
      }));
    }
    return [
      feature,
      {
        count: present.length,
        missing: values.length - present.length,
        mean,
        std,
        quantiles: Array.from({ length: 101 }, (_, p) => quantile(p / 100)),
        histogram,
      },
    ] as const;
  });
  return { rows: known.length, quantileLevels: 'p00..p100 in steps of 1 %', features: Object.fromEntries(entries) };
}
