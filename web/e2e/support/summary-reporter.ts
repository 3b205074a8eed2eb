import type { FullResult, Reporter, TestCase, TestResult } from '@playwright/test/reporter';

/**
 * Ends the run with the line every suite of the repository ends with, `N passed, N failed`
 * (`, N skipped` when some were), which `scripts/test-all.sh` adds up. A test counts once, by its last try.
 */
export default class SummaryReporter implements Reporter {
  private readonly outcomes = new Map<string, TestResult['status']>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.outcomes.set(test.id, result.status);
  }

  onEnd(result: FullResult): void {
    const statuses = [...this.outcomes.values()];
    const passed = statuses.filter((status) => status === 'passed').length;
    const skipped = statuses.filter((status) => status === 'skipped').length;
    // A run that broke before its tests (no system, a bad config) has failed even with no failing test.
    const failed = statuses.length - passed - skipped || (result.status === 'passed' ? 0 : 1);
    console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  }
}
