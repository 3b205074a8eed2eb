export { ClientsDirectory } from './clients-directory.ts';
export { ClientList, type ListClientsQuery } from './client-list.ts';
export { ClientRecords } from './client-record.ts';
export { PopulationView, type SamplePoint, type SampleQuery } from './population.ts';
export { SimilarityIndex, SIMILARITY_FEATURE_COUNT } from './similar.ts';
export { fallbackGroup, fieldLabel, GROUP_LABELS, GROUP_ORDER } from './field-labels.ts';
