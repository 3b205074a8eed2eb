/** A bounded load loop against the gateway: a fixed number of concurrent workers, each sending requests until told to stop. */
export interface Outcome {
  status: number;
  decisionId?: string;
  at: number;
}

export function runLoad(
  url: string,
  headers: Record<string, string>,
  paths: () => string,
  concurrency = 8,
  maxDurationMs = 60_000,
) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const deadline = Date.now() + maxDurationMs;
  const worker = async () => {
    while (!stopped && Date.now() < deadline) {
      const at = Date.now();
      try {
        const response = await fetch(url + paths(), { headers });
        const body = (await response.json().catch(() => ({}))) as { decisionId?: string };
        outcomes.push({ status: response.status, at, ...(body.decisionId ? { decisionId: body.decisionId } : {}) });
      } catch {
        outcomes.push({ status: 0, at });
      }
    }
  };
  const workers = Promise.all(Array.from({ length: concurrency }, worker));
  return {
    outcomes,
    async stop() {
      stopped = true;
      await workers;
      return outcomes;
    },
  };
}

export const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Asks `check` every 200 ms until it holds or `timeoutMs` has passed; says whether it held. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await sleep(200);
  }
  return check();
}
