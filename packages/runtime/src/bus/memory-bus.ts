import { randomUUID } from 'node:crypto';
import type { Endpoint, Envelope, ServiceName } from '@octroi/contracts';
import { BaseBus } from './base-bus.ts';
import { dispatch, InFlight } from './dispatch.ts';
import type { CallContext, RunningService, ServiceDefinition, ServiceInstance } from './types.ts';

interface Instance {
  service: ServiceInstance;
  stopped: boolean;
  handle(endpointKey: string, payload: unknown, call: CallContext): Promise<Envelope<unknown>>;
}

/**
 * The bus inside one process, for embedded mode and tests. Same semantics as NATS: instances of a service form a
 * queue group (each request goes to one of them, in turn), no instance means `unavailable`, a slow one `timeout`,
 * and payloads cross as JSON so nothing is shared by reference.
 */
export class MemoryBus extends BaseBus {
  readonly kind = 'memory' as const;
  private readonly routes = new Map<string, { endpointKey: string; instances: Instance[]; next: number }>();

  protected async send(
    subject: string,
    payload: unknown,
    call: CallContext,
    timeoutMs: number,
  ): Promise<Envelope<unknown>> {
    const route = this.routes.get(subject);
    const live = route?.instances.filter((instance) => !instance.stopped) ?? [];
    if (!route || live.length === 0) throw MemoryBus.noResponders(subject);
    const instance = live[route.next++ % live.length]!;
    const wire = JSON.parse(JSON.stringify(payload ?? {})) as unknown;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(MemoryBus.timedOut(subject, timeoutMs)), timeoutMs);
    });
    try {
      const reply = await Promise.race([instance.handle(route.endpointKey, wire, call), timeout]);
      return JSON.parse(JSON.stringify(reply)) as Envelope<unknown>;
    } finally {
      clearTimeout(timer);
    }
  }

  async serve<Eps extends Record<string, Endpoint>>(definition: ServiceDefinition<Eps>): Promise<RunningService> {
    const inFlight = new InFlight();
    const log = this.log.child({ service: definition.name });
    const instance: Instance = {
      service: { name: definition.name, id: randomUUID(), version: definition.version },
      stopped: false,
      handle: (endpointKey, payload, call) =>
        inFlight.track(
          // A macrotask boundary, as with a network hop: the caller's code after `request()` runs first.
          new Promise<void>((resolve) => setImmediate(resolve)).then(() =>
            dispatch(definition as unknown as ServiceDefinition, endpointKey, payload, call, {
              bus: this,
              log,
              metrics: this.metrics,
              instance: instance.service.id,
            }),
          ),
        ),
    };
    for (const [endpointKey, endpoint] of Object.entries(definition.endpoints)) {
      const route = this.routes.get(endpoint.subject) ?? { endpointKey, instances: [], next: 0 };
      route.instances.push(instance);
      this.routes.set(endpoint.subject, route);
    }
    let ended = false;
    const running: RunningService = {
      name: definition.name,
      get id() {
        return instance.service.id;
      },
      get inFlight() {
        return inFlight.size;
      },
      get left() {
        return instance.stopped && !ended;
      },
      stop: async () => {
        ended = instance.stopped = true;
        await inFlight.drained();
        this.services.delete(running);
      },
      leave: async () => {
        instance.stopped = true;
      },
      rejoin: async () => {
        if (ended || !instance.stopped) return;
        instance.service = { ...instance.service, id: randomUUID() };
        instance.stopped = false;
      },
    };
    this.services.add(running);
    return running;
  }

  async ping(service: ServiceName): Promise<ServiceInstance[]> {
    const found = new Map<string, ServiceInstance>();
    for (const route of this.routes.values()) {
      for (const instance of route.instances) {
        if (!instance.stopped && instance.service.name === service) found.set(instance.service.id, instance.service);
      }
    }
    return [...found.values()];
  }

  async instanceRunning(service: ServiceName, id: string): Promise<boolean> {
    return (await this.ping(service)).some((instance) => instance.id === id);
  }

  protected async disconnect(): Promise<void> {
    this.routes.clear();
  }
}
