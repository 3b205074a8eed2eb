import { endpoints } from '@octroi/contracts';
import type { ServiceDefinition } from '@octroi/runtime';
import type { LiveMonitor } from './live-monitor.ts';

export const SERVICE_VERSION = '1.0.0';

/** Drift, decision mix and approval by group over rolling windows, on the bus. */
export function monitoringService(monitor: LiveMonitor): ServiceDefinition<typeof endpoints.monitoring> {
  return {
    name: 'monitoring',
    version: SERVICE_VERSION,
    description: 'Population stability of live applications, decision mix and approval rates by group',
    endpoints: endpoints.monitoring,
    handlers: {
      drift: ({ window = '1d', modelVersion }) => monitor.drift(window, modelVersion),
      variable: ({ variable, window = '1d', modelVersion }) => monitor.variable(variable, window, modelVersion),
      decisions: ({ window = '1d' }) => monitor.decisions(window),
      shadow: (versions) => ({ comparisons: monitor.shadow.report(versions) }),
    },
  };
}
