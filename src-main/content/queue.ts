import { channelInSentence, segmentName } from '../../src-shared/i18n/segments';
import { translator } from '../../src-shared/i18n/messages';
import { generateInput } from '../../src-shared/schemas/content';
import type { AppServices } from '../core/context';
import { write } from '../core/write';
import { generateContent } from './generate';

/**
 * Try every queued request once, oldest first. Still unreachable: it stays queued (and the rest
 * wait for the next round). Done or failed otherwise; a done one is announced to the window.
 */
export async function drainQueue(services: AppServices): Promise<{ done: number; failed: number; waiting: number }> {
  const queued = await services.db.selectFrom('content_queue').selectAll().where('status', '=', 'queued').orderBy('created_at').execute();
  let done = 0;
  let failed = 0;
  for (const [index, item] of queued.entries()) {
    const user = item.user_id ? await services.db.selectFrom('users').select('language').where('id', '=', item.user_id).executeTakeFirst() : undefined;
    const language = user?.language ?? 'id';
    const request = generateInput.parse({ ...JSON.parse(item.request), regenerate: false });
    const ctx = { ...services, userId: item.user_id, t: translator(language) };
    const result = await generateContent(ctx, request, { queueWhenOffline: false });
    const attempts = item.attempts + 1;
    if (result.failure === 'offline') {
      write(ctx, (w) => w.update('content_queue', item.id, { attempts, last_error: 'offline' }, 'queue item gone'));
      return { done, failed, waiting: queued.length - index };
    }
    const ok = result.source === 'ai' || result.source === 'cache';
    write(ctx, (w) =>
      w.update(
        'content_queue',
        item.id,
        {
          attempts,
          status: ok ? 'done' : 'failed',
          last_error: ok ? null : (result.failure ?? result.notice),
          generation_id: ok ? (result.variants[0]?.generationId ?? null) : null,
        },
        'queue item gone',
      ),
    );
    if (ok) {
      done++;
      services.events.emit('content.ready', {
        queueId: item.id,
        generationId: result.variants[0]?.generationId ?? '',
        message: ctx.t('ai.queuedDone', { segment: segmentName(request.segment, language), channel: channelInSentence(request.channel, language) }),
      });
    } else failed++;
  }
  return { done, failed, waiting: 0 };
}

/** While the app runs, retry the queue now and then (cheap when it is empty). */
export function startQueueTimer(services: AppServices, everyMs = 60_000): () => void {
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    void drainQueue(services)
      .catch((error: unknown) => console.error(`content queue: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => (busy = false));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
