import { PULL_HANDOVERS_PAGE, pullResponse, type PullResponse } from '../../src-shared/sync/protocol';
import { rfmEdges, segmentCells } from '../../src-shared/schemas/rfm';
import { PUSHDOWN_KEYS, aiQuotaPushdown, announcementPushdown } from '../../src-shared/cloud/admin-pushdown-api';
import type { AppServices } from '../core/context';
import { cloudRequest } from './http';
import { applyHandovers, type HandedOver } from './pull-handovers';
import { readState } from './state';

/** Local settings keys filled from what the console sends down. */
const ANNOUNCEMENTS_KEY = 'cloud.announcements';
const KEEP_ANNOUNCEMENTS = 20;

export interface PullOutcome {
  applied: number;
  ignored: number;
  cursor: number;
  /** The assistant's handovers that became new leads or activities in this pull. */
  handedOver: HandedOver[];
}

export type PullDeps = Pick<AppServices, 'sqlite' | 'db' | 'clock' | 'hlc'> & Partial<Pick<AppServices, 'events'>>;

/**
 * Central settings and announcements newer than the saved cursor, and the WhatsApp assistant's
 * handovers newer than theirs, applied in one SQLite transaction with both cursors, so a crash never
 * applies one twice or skips one. A pulled setting lands only where its stamp is newer than the
 * shop's own row: the owner's later local change wins. New handovers are announced once committed.
 */
export async function pullNow(deps: PullDeps & { token: string; timeoutMs?: number }): Promise<PullOutcome> {
  let outcome: PullOutcome | null = null;
  // A full page of handovers means more wait: asked for again, each page its own short transaction
  // (a few dozen milliseconds), the network awaited in between so a window stays responsive.
  for (let page = 0; page < MAX_HANDOVER_PAGES; page++) {
    const state = readState(deps.sqlite);
    if (!state) throw new Error('not enrolled');
    const path = `/api/sync/pull?cursor=${state.pullCursor}&handoverCursor=${state.handoverCursor}`;
    const answer = await cloudRequest(state.serverUrl, 'GET', path, deps.token, undefined, pullResponse, deps.timeoutMs);
    const applied = applyPulled(deps, answer);
    outcome = outcome
      ? {
          applied: outcome.applied + applied.applied,
          ignored: outcome.ignored + applied.ignored,
          cursor: applied.cursor,
          handedOver: [...outcome.handedOver, ...applied.handedOver],
        }
      : applied;
    if ((answer.handovers?.items.length ?? 0) < PULL_HANDOVERS_PAGE) break;
  }
  if (outcome && outcome.handedOver.length > 0) deps.events?.emit('leads.handedOver', { fresh: outcome.handedOver.slice(0, 20) });
  return outcome as PullOutcome;
}

/** At most this many pages of handovers in one sync (1,000); the rest comes with the next one. */
const MAX_HANDOVER_PAGES = 40;

export function applyPulled(deps: PullDeps, answer: PullResponse): PullOutcome {
  const { sqlite, hlc } = deps;
  const ownStamp = sqlite.prepare('SELECT hlc FROM settings WHERE key = ?');
  const put = sqlite.prepare(
    `INSERT INTO settings (key, value, updated_at, hlc) VALUES (?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, hlc = excluded.hlc WHERE excluded.hlc > settings.hlc`,
  );
  let applied = 0;
  let ignored = 0;
  const setIfNewer = (key: string, value: unknown, stamp: string, at: string) => {
    const own = ownStamp.get(key) as { hlc: string } | undefined;
    if (own && own.hlc >= stamp) return false;
    put.run(key, JSON.stringify(value), at, stamp);
    return true;
  };
  let handedOver: HandedOver[] = [];
  sqlite.transaction(() => {
    for (const item of answer.items) {
      // Our clock moves past every stamp it has seen, so the next local change sorts after it.
      hlc.recv(item.hlc);
      if (item.kind === 'setting' && item.key === PUSHDOWN_KEYS.rfmDefaults) {
        const value = item.value as { edges?: unknown; segmentCells?: unknown };
        const edges = rfmEdges.safeParse(value?.edges);
        const cells = segmentCells.safeParse(value?.segmentCells);
        if (!edges.success || !cells.success) {
          ignored += 1;
          continue;
        }
        const a = setIfNewer('rfmEdges', edges.data, item.hlc, item.createdAt);
        const b = setIfNewer('rfmSegments', cells.data, item.hlc, item.createdAt);
        if (a || b) applied += 1;
        else ignored += 1;
      } else if (item.kind === 'setting' && item.key === PUSHDOWN_KEYS.aiQuota) {
        const parsed = aiQuotaPushdown.safeParse(item.value);
        if (!parsed.success) {
          ignored += 1;
          continue;
        }
        if (setIfNewer('aiMonthlyQuota', { kind: 'rupiah', limit: parsed.data.monthlyQuota }, item.hlc, item.createdAt)) applied += 1;
        else ignored += 1;
      } else if (item.kind === 'announcement') {
        const parsed = announcementPushdown.safeParse(item.value);
        if (!parsed.success) {
          ignored += 1;
          continue;
        }
        const row = ownStamp.get(ANNOUNCEMENTS_KEY) as { hlc: string } | undefined;
        const current = row
          ? (JSON.parse((sqlite.prepare('SELECT value FROM settings WHERE key = ?').get(ANNOUNCEMENTS_KEY) as { value: string }).value) as unknown[])
          : [];
        const list = [{ version: item.version, ...parsed.data, createdAt: item.createdAt }, ...current].slice(0, KEEP_ANNOUNCEMENTS);
        put.run(ANNOUNCEMENTS_KEY, JSON.stringify(list), item.createdAt, row && row.hlc > item.hlc ? row.hlc : item.hlc);
        applied += 1;
      } else {
        // A key this version does not know yet: skipped, and not asked for again.
        ignored += 1;
      }
    }
    sqlite.prepare('UPDATE sync_state SET pull_cursor = ? WHERE id = 1').run(answer.cursor);
    if (answer.handovers) {
      handedOver = applyHandovers(deps, answer.handovers.items);
      sqlite.prepare('UPDATE sync_state SET handover_cursor = ? WHERE id = 1').run(answer.handovers.cursor);
    }
  })();
  return { applied: applied + handedOver.length, ignored, cursor: answer.cursor, handedOver };
}
