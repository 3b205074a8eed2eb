// Test fixtures shared by the services' tests and the benchmarks: never imported by running code.
export { arrowFileBytes, type ArrowFileOptions, type ColumnValues } from './arrow-file.ts';
export { writeVariantBundle, type BundleVariant } from './variant-bundle.ts';
export { populationOf, tinyClientId, tinySpec, TINY_SIZE, TINY_THRESHOLD, writeTinyBundle } from './tiny-bundle.ts';
export { REAL_DATA_DIR, realDataSkip } from './real-data.ts';
