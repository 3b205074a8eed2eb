import { decisionIds, type ModelRoles } from '@octroi/contracts';
import type { AuditLog } from './audit/index.ts';
import type { Logger } from './logger.ts';
import type { Runtime } from './runtime.ts';

export interface Served<T> {
  version: string;
  model: T;
}

export interface ServedModelsOptions<T> {
  load: (version: string) => Promise<T>;
  /** Frees a model no longer served (an onnxruntime session), once the requests that held it are long done. */
  release?: (model: T) => Promise<void> | void;
  log: Logger;
  /** How long a replaced model stays loaded: longer than any request, so none loses its model under it. */
  releaseAfterMs?: number;
}

/**
 * The models one replica serves, switched without stopping. A request takes the champion (or the version it
 * names) when it starts and keeps that object to the end, so a switch never changes the model under a request in
 * flight: the switch loads the new model first, then replaces the reference in one step. The champion just
 * replaced stays loaded, so a rollback is as quick as the promotion; older ones are released after a delay.
 */
export class ServedModels<T> {
  private readonly loaded = new Map<string, Promise<T>>();
  private roles: { champion: Served<T>; challenger?: Served<T> };
  private previousChampion: string | undefined;
  /** Switches happen one after the other, never interleaved. */
  private switching: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly options: ServedModelsOptions<T>,
    champion: Served<T>,
  ) {
    this.roles = { champion };
  }

  /** Loads the champion (and the challenger) before anything is served. */
  static async start<T>(roles: ModelRoles, options: ServedModelsOptions<T>): Promise<ServedModels<T>> {
    const models = new ServedModels(options, { version: roles.champion, model: await options.load(roles.champion) });
    models.loaded.set(roles.champion, Promise.resolve(models.roles.champion.model));
    await models.apply(roles);
    return models;
  }

  champion(): Served<T> {
    return this.roles.champion;
  }

  challenger(): Served<T> | undefined {
    return this.roles.challenger;
  }

  current(): ModelRoles {
    const { champion, challenger } = this.roles;
    return { champion: champion.version, ...(challenger ? { challenger: challenger.version } : {}) };
  }

  /** A version by name: one already loaded, or loaded now (a request that names the version it was explained with). */
  version(version: string): Promise<T> {
    let model = this.loaded.get(version);
    if (!model) {
      model = this.options.load(version);
      this.loaded.set(version, model);
      // A version that cannot be loaded is tried again next time, not remembered as broken.
      model.catch(() => this.loaded.delete(version));
    }
    return model;
  }

  /**
   * Serves these roles from now on. The new models are loaded before anything changes; if one cannot be, nothing
   * changes and the error is thrown. Returns the roles served before, or undefined when nothing changed.
   */
  apply(roles: ModelRoles): Promise<ModelRoles | undefined> {
    const next = this.switching.then(() => this.switchTo(roles));
    this.switching = next.catch(() => undefined);
    return next;
  }

  private async switchTo(roles: ModelRoles): Promise<ModelRoles | undefined> {
    const before = this.current();
    if (before.champion === roles.champion && before.challenger === roles.challenger) return undefined;
    const [champion, challenger] = await Promise.all([
      this.version(roles.champion),
      roles.challenger === undefined ? undefined : this.version(roles.challenger),
    ]);
    if (roles.champion !== before.champion) this.previousChampion = before.champion;
    this.roles = {
      champion: { version: roles.champion, model: champion },
      ...(roles.challenger !== undefined ? { challenger: { version: roles.challenger, model: challenger! } } : {}),
    };
    this.releaseUnused();
    return before;
  }

  private releaseUnused() {
    const { champion, challenger } = this.current();
    const kept = new Set([champion, challenger, this.previousChampion]);
    for (const [version, model] of this.loaded) {
      if (kept.has(version)) continue;
      this.loaded.delete(version);
      const timer = setTimeout(() => {
        void model
          .then((loaded) => this.options.release?.(loaded))
          .catch((err: unknown) => this.options.log.warn({ err, version }, 'a replaced model could not be released'));
      }, this.options.releaseAfterMs ?? 60_000);
      timer.unref();
    }
  }
}

export interface FollowOptions {
  intervalMs: number;
  log: Logger;
  /** Told of each switch, once the new models serve (the audit log records it). */
  onSwitch: (before: ModelRoles, after: ModelRoles) => Promise<void> | void;
}

/**
 * Keeps a replica on the roles the deployment shares (a pointer in the durable store), read every `intervalMs`:
 * every replica of every service switches within that time of a promotion. A role that cannot be read or loaded
 * leaves the replica on what it serves, and is tried again.
 */
export function followModelRoles<T>(served: ServedModels<T>, read: () => Promise<ModelRoles>, options: FollowOptions) {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let failing = false;
  // One look at a time: a read that started before a promotion must not be applied after a later one.
  let looking: Promise<void> = Promise.resolve();
  const look = async () => {
    if (stopped) return;
    try {
      const roles = await read();
      const before = await served.apply(roles);
      if (before) {
        options.log.info({ before, after: roles }, 'now serving other models');
        await options.onSwitch(before, roles);
      }
      if (failing) options.log.info('model roles read again');
      failing = false;
    } catch (err) {
      if (!failing) options.log.error({ err }, 'the model roles cannot be followed: still serving the same models');
      failing = true;
    }
  };
  const check = () => (looking = looking.then(look));
  const loop = async () => {
    await check();
    if (!stopped) timer = setTimeout(() => void loop(), options.intervalMs).unref();
  };
  timer = setTimeout(() => void loop(), options.intervalMs).unref();
  return {
    /** Reads the roles now (after a promotion this replica handled itself). */
    check,
    /** No more looks; resolves once the one under way (and the switch it records) is over, before the stores close. */
    stop(): Promise<void> {
      stopped = true;
      clearTimeout(timer);
      return looking;
    },
  };
}

/**
 * What a replica does once it serves other models: the model-version gauge follows, and the switch is written to
 * the audit log, so the moment each replica changed model is on record beside the decisions it made.
 */
export function modelSwitchRecorder(
  runtime: Pick<Runtime, 'metrics' | 'log'>,
  audit: AuditLog,
  service: string,
  instance: string,
) {
  return async (before: ModelRoles, after: ModelRoles) => {
    runtime.metrics.modelInfo.remove({ service, version: before.champion });
    runtime.metrics.modelInfo.set({ service, version: after.champion }, 1);
    const [decisionId] = decisionIds(1);
    await audit.append([
      {
        kind: 'model-switch',
        decisionId: decisionId!,
        requestId: decisionId!,
        time: new Date().toISOString(),
        principal: `${service}:${instance}`,
        service,
        champion: after.champion,
        challenger: after.challenger ?? null,
        previousChampion: before.champion,
        previousChallenger: before.challenger ?? null,
      },
    ]);
  };
}
