/**
 * Node's arguments for running a TypeScript entry point from its sources, as tests and development do: tsx
 * compiles on the fly, and the `source` export condition makes `@octroi/*` packages resolve to their `src/`
 * rather than to the `dist/` that production runs.
 */
export const FROM_SOURCES = ['--conditions=source', '--import', 'tsx'] as const;
