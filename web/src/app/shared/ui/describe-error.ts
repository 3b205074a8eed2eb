import { errorBodyOf } from '../../core/octroi-api';
import type { Messages } from '../i18n/messages';

/** Says in words what a failed call means for the officer, by the status the gateway answered. */
export function describeError(error: unknown, t: Messages): string {
  const { status } = errorBodyOf(error);
  switch (status) {
    case 0:
      return t.status.offline;
    case 403:
      return t.status.forbidden;
    case 404:
      return t.status.notFound;
    case 429:
      return t.status.rateLimited;
    case 503:
      return t.status.unavailable;
    case 504:
      return t.status.timeout;
    default:
      return t.status.unknown;
  }
}
