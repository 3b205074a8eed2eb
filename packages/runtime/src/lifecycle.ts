import type { Logger } from './logger.ts';

type Step = { name: string; run: () => Promise<void> | void };

/**
 * Graceful shutdown: on SIGTERM or SIGINT, run the registered steps in reverse order of registration
 * (stop taking work, finish what is in flight, close connections), then exit 0. A second signal, or steps
 * that take longer than the grace period, exit at once with 1.
 */
export class Shutdown {
  private readonly steps: Step[] = [];
  private running: Promise<void> | undefined;

  constructor(
    private readonly log: Logger,
    private readonly gracePeriodMs = Number(process.env.SHUTDOWN_GRACE_MS ?? 20_000),
  ) {}

  add(name: string, run: Step['run']) {
    this.steps.push({ name, run });
  }

  listen(exit: (code: number) => void = (code) => process.exit(code)) {
    const onSignal = (signal: NodeJS.Signals) => {
      if (this.running) {
        this.log.warn({ signal }, 'second signal: exiting now');
        exit(1);
        return;
      }
      this.log.info({ signal }, 'shutting down');
      const timer = setTimeout(() => {
        this.log.error('shutdown took longer than the grace period: exiting');
        exit(1);
      }, this.gracePeriodMs);
      timer.unref();
      void this.run().then(() => exit(0));
    };
    process.once('SIGTERM', onSignal);
    process.once('SIGINT', onSignal);
  }

  /** Runs every step once, even when one fails. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of [...this.steps].reverse()) {
        try {
          await step.run();
          this.log.debug({ step: step.name }, 'shutdown step done');
        } catch (err) {
          this.log.error({ err, step: step.name }, 'shutdown step failed');
        }
      }
    })();
    return this.running;
  }
}

/** What a dependency reports when asked whether it can serve: problems, and whether they keep it from serving. */
export interface DependencyStatus {
  available: boolean;
  problems: string[];
}

export interface Readiness {
  ready: boolean;
  /** Start-up steps not done yet, or "shutting down". */
  waitingFor: string[];
  /** What dependencies report, named (`storage: OCTROI_DECISIONS has no leader`). */
  problems: string[];
}

/**
 * Liveness is "the process answers"; readiness is "it has what it needs to do its work": its start-up steps done,
 * not shutting down, and every dependency it checks (the durable store) available.
 */
export class Health {
  private readonly pending = new Set<string>();
  private readonly whenStartedUp: Array<() => void> = [];
  private readonly checks = new Map<string, () => Promise<DependencyStatus>>();
  private stopping = false;

  /** Declares something that must be done before the component is ready; call the returned function when it is. */
  waitFor(what: string): () => void {
    this.pending.add(what);
    return () => {
      this.pending.delete(what);
      if (this.pending.size === 0) for (const resolve of this.whenStartedUp.splice(0)) resolve();
    };
  }
  /** Resolves once no start-up step is left to do. */
  startedUp(): Promise<void> {
    if (this.pending.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.whenStartedUp.push(resolve));
  }
  /** A dependency asked at each readiness probe; registering the same name twice keeps the first. */
  addCheck(name: string, check: () => Promise<DependencyStatus>) {
    if (!this.checks.has(name)) this.checks.set(name, check);
  }
  markStopping() {
    this.stopping = true;
  }
  get ready() {
    return !this.stopping && this.pending.size === 0;
  }
  get notReadyBecause(): string[] {
    return this.stopping ? ['shutting down'] : [...this.pending];
  }
  async readiness(): Promise<Readiness> {
    const statuses = await Promise.all(
      [...this.checks].map(async ([name, check]) => {
        const status = await check().catch((err: unknown) => ({ available: false, problems: [String(err)] }));
        return { available: status.available, problems: status.problems.map((problem) => `${name}: ${problem}`) };
      }),
    );
    return {
      ready: this.ready && statuses.every((status) => status.available),
      waitingFor: this.notReadyBecause,
      problems: statuses.flatMap((status) => status.problems),
    };
  }
}
