import type { HttpTestingController } from '@angular/common/http/testing';

/** Lets pending promises, timers of 0 ms and the router's guards run. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Answers every call still open with a 503, as if the services behind them were down. */
export function failOpenRequests(http: HttpTestingController): void {
  for (const request of http.match(() => true)) {
    if (!request.cancelled)
      request.flush({ code: 'unavailable', message: 'down' }, { status: 503, statusText: 'Unavailable' });
  }
}

/**
 * Lets a component make its calls and fails every one of them, round after round, until it
 * asks for nothing more (a panel may appear, and call, once another one has its answer).
 */
export async function failUntilQuiet(
  http: HttpTestingController,
  detectChanges: () => void,
  rounds = 5,
): Promise<void> {
  for (let round = 0; round < rounds; round++) {
    await settle();
    detectChanges();
    failOpenRequests(http);
  }
}
