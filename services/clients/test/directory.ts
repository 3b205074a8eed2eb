import { loadBundle } from '@octroi/model-bundle';
import { writeTinyBundle } from '@octroi/model-bundle/testing';
import { ClientsDirectory } from '../src/index.ts';

let loading: Promise<ClientsDirectory> | undefined;

/** The directory over the tiny bundle, built once per test file. */
export function tinyDirectory(): Promise<ClientsDirectory> {
  loading ??= writeTinyBundle()
    .then(loadBundle)
    .then((bundle) => ClientsDirectory.load(bundle));
  return loading;
}
