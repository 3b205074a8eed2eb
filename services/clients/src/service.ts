import { endpoints } from '@octroi/contracts';
import type { ServiceDefinition } from '@octroi/runtime';
import type { ClientsDirectory } from './clients-directory.ts';

export const SERVICE_VERSION = '1.0.0';

/** The applicants' files and the population they belong to, on the bus. Each handler hands its request to the directory. */
export function clientsService(
  directory: ClientsDirectory,
  modelVersion: string,
): ServiceDefinition<typeof endpoints.clients> {
  return {
    name: 'clients',
    version: SERVICE_VERSION,
    description: "Applicants' files, population statistics and similar clients",
    modelVersion,
    endpoints: endpoints.clients,
    handlers: {
      get: ({ clientId, language }) => directory.get(clientId, language),
      list: (query) => directory.list(query),
      features: ({ clientId }) => directory.features(clientId),
      population: ({ feature, clientId, language }) => directory.population(feature, clientId, language),
      sample: (query) => directory.sample(query),
      similar: ({ clientId, k }) => directory.similar(clientId, k),
      referralBand: () => directory.referralBand(),
      ids: ({ offset, limit }) => {
        const ids = directory.ids(offset, limit);
        return { ids, next: offset + limit < directory.size ? offset + limit : null };
      },
      column: ({ name, offset, limit }) => directory.columns.page(name, offset, limit),
      correlation: ({ names }) => directory.columns.correlation(names),
    },
  };
}
