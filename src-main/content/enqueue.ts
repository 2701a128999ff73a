import type { GenerateInput } from '../../src-shared/schemas/content';
import type { Ctx } from '../core/context';
import { newId } from '../core/ids';
import { write } from '../core/write';

/**
 * Keep a request made while the provider was unreachable; it is done when the connection is back
 * (queue.ts). Its own file: generating queues, and the queue generates.
 */
export function enqueue(ctx: Pick<Ctx, 'sqlite' | 'db' | 'clock' | 'hlc' | 'userId'>, request: GenerateInput): string {
  const id = newId();
  write(ctx, (w) =>
    w.insert('content_queue', {
      id,
      request: JSON.stringify(request),
      status: 'queued',
      attempts: 0,
      last_error: null,
      generation_id: null,
      user_id: ctx.userId,
    }),
  );
  return id;
}
