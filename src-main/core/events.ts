import { EventEmitter } from 'node:events';
import type { EventName, EventPayload } from '../../src-shared/contract';

/** Main → renderer events. Transports subscribe and forward to their clients. */
export class EventBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(100);
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>, clientId?: string): void {
    this.emitter.emit('event', { name, payload, clientId });
  }

  /** `clientId` set: only for that client (a session lock, a job it started); unset: for everyone (a background job). */
  subscribe(listener: (event: { name: EventName; payload: unknown; clientId?: string }) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
}
