/**
 * The test fixture (small LightGBM models written by fixtures/make_fixture.py) and, when it has
 * been exported, the shipped model bundle.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RawApplication } from '@octroi/contracts';
import { parsePopulation, type FeatureDefinition, type PopulationStats } from '@octroi/model-bundle';
import { createExplainer, type Explainer } from '../src/explainer.ts';
import type { LightGbmDump } from '../src/forest.ts';

export const FIXTURE_MODELS = ['nan', 'zero', 'none'] as const;
export type FixtureModel = (typeof FIXTURE_MODELS)[number];

const fixturePath = (file: string): string => fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url));
export const bundleDir = fileURLToPath(new URL('../../../models/home-credit-generated/', import.meta.url));

export function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

/** Rows as LightGBM read them: float32 values, NaN for missing. */
export function featureRows(features: (number | null)[][]): Float32Array[] {
  return features.map((row) => Float32Array.from(row, (v) => (v === null ? Number.NaN : v)));
}

export interface Reference {
  rows: Float32Array[];
  contributions: number[][];
  rawScore: number[];
  probability?: number[];
}

export function fixtureModel(name: FixtureModel): LightGbmDump {
  return readJson(fixturePath(`model_${name}.lgb.json`));
}

export function fixtureReference(name: FixtureModel): Reference {
  const reference = readJson<{ features: (number | null)[][]; models: Record<string, Omit<Reference, 'rows'>> }>(
    fixturePath('reference.json'),
  );
  return { rows: featureRows(reference.features), ...reference.models[name]! };
}

export function populationOf(json: unknown): PopulationStats {
  const population = parsePopulation(json);
  if (typeof population === 'string') throw new Error(population);
  return population;
}

export function fixtureExplainer(): Explainer {
  return createExplainer({
    model: fixtureModel('nan'),
    spec: readJson<{ features: FeatureDefinition[] }>(fixturePath('feature_spec.json')),
    population: populationOf(readJson(fixturePath('population.json'))),
    threshold: readJson<{ threshold: number }>(fixturePath('decision.json')).threshold,
    modelVersion: 'fixture',
  });
}

/**
 * The fixture's application features from raw fields, as the real derivation would: the
 * repayment burden from two amounts, the income type by name, the history left missing.
 */
export function deriveFixtureFeatures(raw: RawApplication): Float32Array {
  const number = (field: string): number => (typeof raw[field] === 'number' ? raw[field] : Number.NaN);
  const income = number('AMT_INCOME_TOTAL');
  const incomeType = typeof raw['NAME_INCOME_TYPE'] === 'string' ? INCOME_TYPES.indexOf(raw['NAME_INCOME_TYPE']) : -1;
  return Float32Array.from([
    income === 0 ? Number.NaN : number('AMT_ANNUITY') / income,
    Number.NaN,
    incomeType < 0 ? Number.NaN : incomeType,
    number('DAYS_BIRTH'),
    number('EXT_SOURCE_MEAN'),
    Number.NaN,
  ]);
}

const INCOME_TYPES = [
  'Working',
  'Commercial associate',
  'Pensioner',
  'State servant',
  'Unemployed',
  'Student',
  'Businessman',
  'Maternity leave',
];

/** A raw application consistent with a fixture row (income of 30 000, amounts to match). */
export function rawApplicationOf(row: ArrayLike<number>): RawApplication {
  const income = 30000;
  const annuity = Math.round(row[0]! * income);
  return {
    AMT_INCOME_TOTAL: income,
    AMT_ANNUITY: annuity,
    AMT_CREDIT: annuity * 20,
    AMT_GOODS_PRICE: annuity * 18,
    NAME_INCOME_TYPE: Number.isNaN(row[2]!) ? null : INCOME_TYPES[row[2]!]!,
    DAYS_BIRTH: row[3]!,
    EXT_SOURCE_MEAN: row[4]!,
  };
}
