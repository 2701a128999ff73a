import { join } from 'node:path';
import { addDays } from '../src-shared/format/date';
import { openApp, type App } from '../src-main/app';
import { ManualClock } from '../test/manual-clock';
import { newId } from '../src-main/core/ids';
import { FIRST_NAMES, LAST_NAMES } from '../src-main/demo/catalog';
import { Dice, seededRandom } from '../src-main/demo/random';
import { medianMs, round, row, type BenchRow } from './measure';

/** 10:00 in Jakarta on the generated pipeline's last day. */
const NOW = new Date('2026-11-22T03:00:00.000Z');
const TODAY = '2026-11-22';
const TIME = '10:00';
/** Stages as a busy pipeline holds them: most leads early on, a fifth closed. */
const STAGES: [string, number][] = [
  ['lead', 0.35],
  ['follow_up', 0.2],
  ['interest', 0.15],
  ['booking', 0.1],
  ['won', 0.12],
  ['lost', 0.08],
];
const CHANNELS = ['organic', 'tiktok', 'instagram', 'meta', 'referral', 'event', 'walkin', 'other'];
const ROWS_PER_INSERT = 500;

async function viaDispatch(app: App, channel: string, input: unknown): Promise<void> {
  const result = await app.call(channel, input, { clientId: 'bench' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
}

/** Rows written by bare multi-row INSERTs (the set-up, not what is measured): no write helper, no outbox. */
function inserter(app: App, table: string, columns: string[]) {
  const one = `(${columns.map(() => '?').join(', ')})`;
  const many = app.services.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(ROWS_PER_INSERT).fill(one).join(', ')}`);
  const single = app.services.sqlite.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${one}`);
  let values: unknown[] = [];
  let waiting = 0;
  return {
    add(row: unknown[]) {
      values.push(...row);
      if (++waiting === ROWS_PER_INSERT) {
        many.run(...values);
        values = [];
        waiting = 0;
      }
    },
    end() {
      for (let i = 0; i < waiting; i++) single.run(...values.slice(i * columns.length, (i + 1) * columns.length));
    },
  };
}

/**
 * A shop with `leads` leads over a year, owned by five users (a tenth unassigned), and `activities`
 * activities among them (fixed seed): the earlier ones done, each open lead's latest with a
 * follow-up due within a month either side of today in six cases of ten, so about a tenth of the
 * leads are overdue.
 */
export async function leadsShop(dir: string, leads: number, activities: number, seed = 11) {
  const started = performance.now();
  const app = await openApp({ dbPath: join(dir, `leads-${leads}-${activities}.sqlite`), clock: new ManualClock(NOW) });
  const setup = await app.call(
    'setup.create',
    { owner: { name: 'Bench Owner', username: 'bench', password: 'bench-password' }, business: { name: 'Toko Bench' } },
    { clientId: 'bench' },
  );
  if (!setup.ok) throw new Error(setup.error.message);
  for (const name of ['ayu', 'budi', 'citra', 'dodi']) {
    const made = await app.call('users.create', { name, username: name, password: 'bench-password', role: 'staff' }, { clientId: 'bench' });
    if (!made.ok) throw new Error(made.error.message);
  }
  const users = app.services.sqlite.prepare('SELECT id FROM users').pluck().all() as string[];
  const dice = new Dice(seededRandom(seed));
  const stageOf = () => {
    let r = dice.int(0, 9_999) / 10_000;
    for (const [stage, share] of STAGES) if ((r -= share) < 0) return stage;
    return 'lead';
  };
  const at = (day: string, minute: number) => `${day}T${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:00.000Z`;
  const leadRows: { id: string; stage: string; created: string; owner: string | null }[] = [];
  app.services.sqlite.transaction(() => {
    const lead = inserter(app, 'leads', [
      'id',
      'code',
      'name',
      'organisation',
      'phone',
      'city',
      'channel_id',
      'value',
      'owner_id',
      'stage_id',
      'stage_changed_at',
      'expected_close',
      'closed_at',
      'created_at',
      'updated_at',
      'hlc',
    ]);
    for (let i = 0; i < leads; i++) {
      const id = newId();
      const stage = stageOf();
      const created = addDays(TODAY, -dice.int(0, 364));
      const moved = addDays(created, dice.int(0, 30));
      const changed = at(moved > TODAY ? TODAY : moved, dice.int(0, 600));
      const owner = dice.chance(0.1) ? null : dice.pick(users);
      const closed = stage === 'won' || stage === 'lost' ? changed : null;
      lead.add([
        id,
        `L-${String(i + 1).padStart(5, '0')}`,
        `${dice.pick(FIRST_NAMES)} ${dice.pick(LAST_NAMES)}`,
        `SMA ${dice.int(1, 40)}`,
        `+62812${String(i).padStart(8, '0')}`,
        null,
        dice.pick(CHANNELS),
        dice.int(1, 300) * 100_000,
        owner,
        stage,
        changed,
        addDays(TODAY, dice.int(-30, 180)),
        closed,
        at(created, dice.int(0, 600)),
        changed,
        `h${i}`,
      ]);
      leadRows.push({ id, stage, created, owner });
    }
    lead.end();
    const activity = inserter(app, 'lead_activities', [
      'id',
      'lead_id',
      'kind',
      'outcome',
      'next_action',
      'due_date',
      'due_time',
      'done_at',
      'assigned_to',
      'user_id',
      'created_at',
      'updated_at',
      'hlc',
    ]);
    const perLead = Math.max(1, Math.round(activities / leads));
    let n = 0;
    for (const l of leadRows) {
      for (let k = 0; k < perLead && n < activities; k++, n++) {
        const latest = k === perLead - 1;
        const open = latest && l.stage !== 'won' && l.stage !== 'lost' && dice.chance(0.6);
        const created = addDays(l.created, k * 3);
        const due = open ? addDays(TODAY, dice.int(-30, 30)) : dice.chance(0.5) ? addDays(created, dice.int(1, 7)) : null;
        const stamp = at(created > TODAY ? TODAY : created, dice.int(0, 600));
        const assignee = l.owner ?? dice.pick(users);
        activity.add([
          newId(),
          l.id,
          dice.pick(['call', 'chat', 'meeting', 'note', 'whatsapp']),
          'Sudah dihubungi',
          due ? 'Telepon lagi' : null,
          due,
          due && dice.chance(0.3) ? `${String(dice.int(8, 17)).padStart(2, '0')}:00` : null,
          open || !due ? null : stamp,
          assignee,
          assignee,
          stamp,
          stamp,
          `a${n}`,
        ]);
      }
    }
    activity.end();
  })();
  app.services.sqlite.pragma('optimize');
  return { app, buildSeconds: (performance.now() - started) / 1000 };
}

/**
 * The bar: the pipeline board and the leads list (page 1, and filtered to the overdue ones)
 * and the team's follow-ups, through dispatch on 50,000 leads and 200,000 activities, ≤ 100 ms a
 * call. Baseline: the same rows read by bare prepared statements.
 */
export async function leadsSuite(dir: string, leads = 50_000, activities = 200_000): Promise<{ rows: BenchRow[]; notes: Record<string, unknown> }> {
  console.log(`Building a pipeline of ${leads.toLocaleString('en')} leads and ${activities.toLocaleString('en')} activities…`);
  const { app, buildSeconds } = await leadsShop(dir, leads, activities);
  console.log(`  built in ${round(buildSeconds)} s (bare multi-row inserts)`);
  const sqlite = app.services.sqlite;
  const goal = '≤ 100 ms';
  const rows: BenchRow[] = [];
  // What each lead row shows besides its columns: stage, channel, owner, and its earliest open follow-up.
  // The stage is LEFT JOINed as the app does: an inner join makes SQLite sort every lead for a page.
  const row_ = `SELECT l.*, s.name AS stage_name, s.kind, s.probability, ch.name AS channel_name, u.name AS owner_name,
    (SELECT min(a.due_date) FROM lead_activities a WHERE a.lead_id = l.id AND a.done_at IS NULL AND a.deleted_at IS NULL AND a.due_date IS NOT NULL) AS next_due
    FROM leads l LEFT JOIN lead_stages s ON s.id = l.stage_id LEFT JOIN lead_channels ch ON ch.id = l.channel_id LEFT JOIN users u ON u.id = l.owner_id`;

  const totals = sqlite.prepare('SELECT stage_id, COUNT(*), SUM(value) FROM leads WHERE deleted_at IS NULL GROUP BY stage_id');
  const cards = sqlite.prepare(`${row_} WHERE l.stage_id = ? AND l.deleted_at IS NULL ORDER BY l.stage_changed_at DESC, l.id LIMIT 50`);
  const stageIds = STAGES.map(([id]) => id);
  rows.push(
    row(
      'leads',
      'board (6 stages × 50 cards + totals)',
      await medianMs(() => viaDispatch(app, 'leads.board', {})),
      'bare GROUP BY + 6 × top 50',
      await medianMs(() => (totals.all(), stageIds.map((id) => cards.all(id)))),
      goal,
    ),
  );

  const page = sqlite.prepare(`${row_} WHERE l.deleted_at IS NULL ORDER BY l.updated_at DESC, l.id LIMIT 25`);
  const count = sqlite.prepare('SELECT COUNT(*) FROM leads WHERE deleted_at IS NULL');
  rows.push(
    row(
      'leads',
      'list page 1 (newest changed first) + count',
      await medianMs(() => viaDispatch(app, 'leads.list', {})),
      'bare SELECT + COUNT',
      await medianMs(() => (page.all(), count.get())),
      goal,
    ),
  );

  const overdue = `l.deleted_at IS NULL AND s.kind = 'open' AND l.id IN (SELECT a.lead_id FROM lead_activities a WHERE a.due_date <= '${TODAY}' AND a.done_at IS NULL AND a.deleted_at IS NULL AND (a.due_date < '${TODAY}' OR a.due_time < '${TIME}'))`;
  const overduePage = sqlite.prepare(`${row_} WHERE ${overdue} ORDER BY l.updated_at DESC, l.id LIMIT 25`);
  const overdueCount = sqlite.prepare(`SELECT COUNT(*) FROM leads l JOIN lead_stages s ON s.id = l.stage_id WHERE ${overdue}`);
  const overdueTotal = overdueCount.pluck().get() as number;
  rows.push(
    row(
      'leads',
      `list overdue only (${overdueTotal.toLocaleString('en')}), page 1 + count`,
      await medianMs(() => viaDispatch(app, 'leads.list', { overdue: true })),
      'bare IN (due index) + COUNT',
      await medianMs(() => (overduePage.all(), overdueCount.get())),
      goal,
    ),
  );

  const due =
    sqlite.prepare(`SELECT a.*, coalesce(l.name, c.name) AS subject, coalesce(l.phone, c.phone) AS phone, asg.name AS assigned_name, au.name AS user_name
    FROM lead_activities a LEFT JOIN leads l ON l.id = a.lead_id LEFT JOIN customers c ON c.id = a.customer_id LEFT JOIN users asg ON asg.id = a.assigned_to LEFT JOIN users au ON au.id = a.user_id
    WHERE a.deleted_at IS NULL AND a.done_at IS NULL AND a.due_date IS NOT NULL AND a.due_date <= '${TODAY}' AND (a.lead_id IS NULL OR l.deleted_at IS NULL)
    ORDER BY a.due_date, coalesce(a.due_time, '99:99'), a.id LIMIT 500`);
  const dueCounts =
    sqlite.prepare(`SELECT sum(a.due_date < '${TODAY}' OR a.due_time < '${TIME}'), sum(a.due_date = '${TODAY}' AND (a.due_time IS NULL OR a.due_time >= '${TIME}'))
    FROM lead_activities a LEFT JOIN leads l ON l.id = a.lead_id WHERE a.due_date <= '${TODAY}' AND a.done_at IS NULL AND a.deleted_at IS NULL AND (a.lead_id IS NULL OR l.deleted_at IS NULL)`);
  rows.push(
    row(
      'leads',
      "team's follow-ups (first 500 + counts)",
      await medianMs(() => viaDispatch(app, 'followUps.list', { who: 'team' })),
      'bare SELECT + counts',
      await medianMs(() => (due.all(), dueCounts.get())),
      goal,
    ),
  );

  await app.close();
  return { rows, notes: { leads, activities, overdueLeads: overdueTotal, buildSeconds: round(buildSeconds) } };
}
