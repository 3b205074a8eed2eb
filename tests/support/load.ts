/** A bounded load loop against the gateway: a fixed number of concurrent workers, each sending requests until told to stop. */
export interface Outcome {
  status: number;
  /** When the request was sent and when its answer came. */
  at: number;
  done: number;
  path: string;
  decisionId?: string;
  modelVersion?: string;
}

/** A request other than a GET: a path, a method and a JSON body. */
export interface LoadRequest {
  path: string;
  method: string;
  body: unknown;
}

/** The decision an answer names: a score, the first of a batch, or an explanation. */
function decisionOf(body: unknown): Pick<Outcome, 'decisionId' | 'modelVersion'> {
  const answer = body as {
    decisionId?: string;
    modelVersion?: string;
    scores?: Array<{ decisionId?: string; modelVersion?: string }>;
  };
  const { decisionId, modelVersion } = answer.scores?.[0] ?? answer;
  return { ...(decisionId ? { decisionId } : {}), ...(modelVersion ? { modelVersion } : {}) };
}

export function runLoad(
  url: string,
  headers: Record<string, string>,
  next: () => string | LoadRequest,
  concurrency = 8,
  maxDurationMs = 60_000,
) {
  const outcomes: Outcome[] = [];
  let stopped = false;
  const deadline = Date.now() + maxDurationMs;
  const worker = async () => {
    while (!stopped && Date.now() < deadline) {
      const at = Date.now();
      const request = next();
      const { path, method = 'GET', body } = typeof request === 'string' ? { path: request } : request;
      try {
        const response = await fetch(url + path, {
          method,
          headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(30_000),
        });
        const answer = await response.json().catch(() => ({}));
        outcomes.push({ status: response.status, at, done: Date.now(), path, ...decisionOf(answer) });
      } catch {
        outcomes.push({ status: 0, at, done: Date.now(), path });
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
