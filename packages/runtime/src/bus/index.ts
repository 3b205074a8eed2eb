export * from './types.ts';
export { MemoryBus } from './memory-bus.ts';
export { NatsBus } from './nats-bus.ts';
export { decodeRequest, newRequestId } from './dispatch.ts';
