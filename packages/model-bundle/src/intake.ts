import { OctroiError, capped, validateNewApplication, type FieldProblem } from '@octroi/contracts';
import type { FeatureSpec } from './spec.ts';

/** Every problem with a new application, against the intake rules and the fields the bundle's specification lists. */
export function applicationProblems(spec: FeatureSpec, application: unknown, prefix = ''): FieldProblem[] {
  return validateNewApplication(spec.rawFields, application, prefix);
}

/**
 * Stops before anything is scored when one of the applications has a problem: a 400 listing every problem of
 * every application, each under its prefix (`applications.3`).
 */
export function requireValidApplications(
  spec: FeatureSpec,
  applications: readonly unknown[],
  prefixOf: (index: number) => string,
): void {
  const problems = applications.flatMap((application, index) =>
    applicationProblems(spec, application, prefixOf(index)),
  );
  if (problems.length > 0) throw OctroiError.invalid(capped(problems));
}
