import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dateInZone } from '../../src-shared/format/date';
import type { LeadReports } from '../../src-shared/schemas/lead-reports';
import { fails, ok } from '../helpers';
import { seedPipeline, type SeededShop } from './report-seed';

// The figures the Prospek tab shows, each against the same figure worked out the plain way:
// every row read out of SQLite, its UTC stamp turned into a Jakarta day, and counted in JS.
const FROM = '2026-08-01';
const TO = '2026-09-30';
const ZONE = 'Asia/Jakarta';
const local = (iso: string) => dateInZone(new Date(iso), ZONE);
const inPeriod = (iso: string) => local(iso) >= FROM && local(iso) <= TO;

type Lead = {
  id: string;
  value: number;
  channel_id: string | null;
  campaign_code: string | null;
  owner_id: string | null;
  stage_id: string;
  expected_close: string | null;
  created_at: string;
  deleted_at: string | null;
};
type Change = { lead_id: string; from_stage_id: string | null; to_stage_id: string; created_at: string };
type Stage = { id: string; name: string; position: number; kind: string; probability: number };

let shop: SeededShop;
let report: LeadReports;
let all: <T>(sql: string) => T[];

beforeAll(async () => {
  shop = await seedPipeline();
  // Two deleted leads must leave every figure.
  await ok(shop.app, 'leads.delete', { id: shop.leads[200] });
  await ok(shop.app, 'leads.delete', { id: shop.leads[201] });
  await ok(shop.app, 'settings.update', {
    leadTargets: { '2026-08': 40, '2026-09': 45 },
    customerTargets: { '2026-09': 12 },
    revenueTargets: { '2026-09': 90_000_000 },
  });
  await ok(shop.app, 'adSpend.save', { month: '2026-09', channelId: 'tiktok', amount: 3_000_000 });
  await ok(shop.app, 'adSpend.save', { month: '2026-09', channelId: 'meta', amount: 1_500_000 });
  // Saving a month again replaces it.
  await ok(shop.app, 'adSpend.save', { month: '2026-09', channelId: 'meta', amount: 2_000_000 });
  report = await ok(shop.app, 'leads.reports', { from: FROM, to: TO });
  all = <T>(sql: string) => shop.app.services.sqlite.prepare(sql).all() as T[];
}, 240_000);
afterAll(() => shop?.close());

const live = () => all<Lead>('SELECT * FROM leads WHERE deleted_at IS NULL');
const stages = () => all<Stage>('SELECT * FROM lead_stages WHERE deleted_at IS NULL ORDER BY position');
const changes = () => all<Change>('SELECT * FROM lead_stage_changes ORDER BY lead_id, created_at');

describe('leads.reports over a seeded pipeline', () => {
  it('is a real pipeline: hundreds of leads, moves and follow-ups over five months', () => {
    expect(live().length).toBe(298);
    expect(changes().length).toBeGreaterThan(600);
    expect(all<{ n: number }>('SELECT count(*) AS n FROM lead_activities')[0].n).toBeGreaterThan(200);
    expect(report.funnel.map((s) => s.stageId)).toEqual(['lead', 'follow_up', 'interest', 'booking', 'won']);
    expect(report.funnel[0].count).toBeGreaterThan(50);
  });

  it('funnel: per stage the live leads that moved in the period onto it or a later open or won stage', () => {
    const byId = new Map(stages().map((s) => [s.id, s]));
    const leads = new Map(live().map((l) => [l.id, l]));
    const expected = stages()
      .filter((s) => s.kind !== 'lost')
      .map((stage) => {
        const ids = new Set(
          changes()
            .filter(
              (c) =>
                inPeriod(c.created_at) &&
                leads.has(c.lead_id) &&
                byId.get(c.to_stage_id)!.kind !== 'lost' &&
                byId.get(c.to_stage_id)!.position >= stage.position,
            )
            .map((c) => c.lead_id),
        );
        return { stageId: stage.id, count: ids.size, value: [...ids].reduce((sum, id) => sum + leads.get(id)!.value, 0) };
      });
    expect(report.funnel.map(({ stageId, count, value }) => ({ stageId, count, value }))).toEqual(expected);
    expect(report.won).toEqual({ count: expected[4].count, value: expected[4].value });
    // A funnel narrows.
    for (let i = 1; i < report.funnel.length; i++) expect(report.funnel[i].count).toBeLessThanOrEqual(report.funnel[i - 1].count);
  });

  it('conversion per channel and per campaign: leads created in the period, won now, rate', () => {
    const kind = new Map(stages().map((s) => [s.id, s.kind]));
    const created = live().filter((l) => inPeriod(l.created_at));
    const group = (key: (l: Lead) => string | null) => {
      const out = new Map<string | null, { leads: number; won: number }>();
      for (const l of created) {
        const g = out.get(key(l)) ?? { leads: 0, won: 0 };
        g.leads++;
        if (kind.get(l.stage_id) === 'won') g.won++;
        out.set(key(l), g);
      }
      return out;
    };
    const channels = group((l) => l.channel_id);
    expect(report.byChannel.length).toBe(channels.size);
    for (const row of report.byChannel) {
      const g = channels.get(row.channelId)!;
      expect({ leads: row.leads, won: row.won, rate: row.rate }).toEqual({ ...g, rate: Math.round((g.won / g.leads) * 10_000) / 10_000 });
    }
    const campaigns = group((l) => l.campaign_code);
    expect(new Map(report.byCampaign.map((r) => [r.code, { leads: r.leads, won: r.won }]))).toEqual(campaigns);
    expect(report.byChannel.reduce((s, r) => s + r.leads, 0)).toBe(created.length);
  });

  it('average days per stage: each stay that ended in the period, from the move before to the move out', () => {
    const leads = new Set(live().map((l) => l.id));
    const stays = new Map<string, number[]>();
    const rows = changes().filter((c) => leads.has(c.lead_id));
    for (let i = 1; i < rows.length; i++) {
      const [before, move] = [rows[i - 1], rows[i]];
      if (before.lead_id !== move.lead_id || !inPeriod(move.created_at)) continue;
      expect(move.from_stage_id).toBe(before.to_stage_id);
      stays.set(move.from_stage_id!, [...(stays.get(move.from_stage_id!) ?? []), (Date.parse(move.created_at) - Date.parse(before.created_at)) / 86_400_000]);
    }
    for (const row of report.stageDays) {
      const days = stays.get(row.stageId) ?? [];
      expect(row.stays).toBe(days.length);
      if (days.length === 0) expect(row.avgDays).toBeNull();
      else expect(row.avgDays).toBeCloseTo(days.reduce((a, b) => a + b, 0) / days.length, 1);
    }
    expect(report.stageDays.find((s) => s.stageId === 'lead')!.stays).toBeGreaterThan(20);
  });

  it('forecast: Σ value × probability / 100 of open leads by expected close month from this month, late and undated apart', () => {
    const straight = all<{ month: string; n: number; value: number; weighted: number }>(
      `SELECT CASE WHEN l.expected_close IS NULL THEN 'undated' WHEN l.expected_close < '2026-11-01' THEN 'late' ELSE substr(l.expected_close, 1, 7) END AS month,
              count(*) AS n, sum(l.value) AS value, sum(l.value * s.probability) / 100.0 AS weighted
       FROM leads l JOIN lead_stages s ON s.id = l.stage_id WHERE s.kind = 'open' AND l.deleted_at IS NULL GROUP BY 1`,
    );
    const by = new Map(straight.map((r) => [r.month, { count: r.n, value: r.value, weighted: Math.round(r.weighted) }]));
    const zero = { count: 0, value: 0, weighted: 0 };
    expect(report.today).toBe('2026-11-05');
    expect(report.forecast.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    for (const m of report.forecast.months) expect({ count: m.count, value: m.value, weighted: m.weighted }).toEqual(by.get(m.month) ?? zero);
    expect(report.forecast.undated).toEqual(by.get('undated'));
    expect(report.forecast.late).toEqual(by.get('late'));
    expect(report.forecast.months.some((m) => m.weighted > 0)).toBe(true);
  });

  it('team: open leads, overdue follow-ups, this week’s activities and the period’s closings per user', async () => {
    const kind = new Map(stages().map((s) => [s.id, s.kind]));
    const leads = live();
    const liveIds = new Set(leads.map((l) => l.id));
    const acts = all<{
      lead_id: string | null;
      assigned_to: string;
      user_id: string;
      due_date: string | null;
      due_time: string | null;
      done_at: string | null;
      created_at: string;
    }>('SELECT * FROM lead_activities WHERE deleted_at IS NULL');
    const wonIds = new Set(
      changes()
        .filter((c) => inPeriod(c.created_at) && kind.get(c.to_stage_id) === 'won')
        .map((c) => c.lead_id),
    );
    for (const row of report.team) {
      const mine = leads.filter((l) => l.owner_id === row.userId);
      const won = mine.filter((l) => wonIds.has(l.id));
      expect(row).toEqual({
        userId: row.userId,
        name: row.name,
        openLeads: mine.filter((l) => kind.get(l.stage_id) === 'open').length,
        // 08:00 on Thursday 5 November: due before today is overdue (none has a time).
        overdue: acts.filter((a) => a.assigned_to === row.userId && !a.done_at && a.due_date! < '2026-11-05' && (!a.lead_id || liveIds.has(a.lead_id))).length,
        // The week from Monday 2 November.
        activitiesWeek: acts.filter((a) => a.user_id === row.userId && local(a.created_at) >= '2026-11-02' && local(a.created_at) <= '2026-11-05').length,
        wonCount: won.length,
        wonValue: won.reduce((s, l) => s + l.value, 0),
      });
    }
    expect(report.team.map((r) => r.name).sort()).toEqual(['Sari Wulandari', 'andi', 'bela', 'maya']);
    expect(report.team.reduce((s, r) => s + r.openLeads, 0)).toBeGreaterThan(0);
    expect(report.team.find((r) => r.name === 'andi')!.overdue).toBe((await ok(shop.app, 'followUps.list', {}, 'andi')).overdue);
  });

  it('targets against what happened: six months to the period’s end, leads and customers created per month', () => {
    const leads = live();
    const customers = all<{ created_at: string }>('SELECT created_at FROM customers WHERE deleted_at IS NULL');
    expect(report.monthly.map((m) => m.month)).toEqual(['2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09']);
    for (const m of report.monthly) {
      expect(m.leads).toBe(leads.filter((l) => local(l.created_at).startsWith(m.month)).length);
      expect(m.newCustomers).toBe(customers.filter((c) => local(c.created_at).startsWith(m.month)).length);
    }
    expect(report.monthly[4]).toMatchObject({ leadsTarget: 40, customersTarget: null, revenueTarget: null });
    expect(report.monthly[5]).toMatchObject({ leadsTarget: 45, customersTarget: 12, revenueTarget: 90_000_000, spend: 5_000_000 });
    expect(report.monthly[5].newCustomers).toBeGreaterThan(0);
  });

  it('ad spend: per channel and month, cost per lead and per closing', async () => {
    const september = report.adSpend.filter((r) => r.month === '2026-09');
    const tiktok = september.find((r) => r.channelId === 'tiktok')!;
    const leads = live().filter((l) => l.channel_id === 'tiktok' && local(l.created_at).startsWith('2026-09')).length;
    expect(tiktok).toMatchObject({ amount: 3_000_000, leads, costPerLead: leads ? Math.round(3_000_000 / leads) : null });
    expect(september.find((r) => r.channelId === 'meta')).toMatchObject({ amount: 2_000_000 });
    expect(all<{ n: number }>("SELECT count(*) AS n FROM ad_spend WHERE month = '2026-09' AND deleted_at IS NULL")[0].n).toBe(2);
    expect(await ok(shop.app, 'adSpend.list', { from: '2026-09', to: '2026-09' })).toMatchObject([
      { channelId: 'tiktok', amount: 3_000_000 },
      { channelId: 'meta', amount: 2_000_000 },
    ]);
  });

  it('staff see their own row of the team and nobody else’s, and may not enter ad spend', async () => {
    const staff = await ok(shop.app, 'leads.reports', { from: FROM, to: TO }, 'andi');
    expect(staff.team).toEqual(report.team.filter((r) => r.userId === shop.users.andi));
    expect(staff.funnel).toEqual(report.funnel);
    expect(await fails(shop.app, 'adSpend.save', { month: '2026-09', channelId: 'tiktok', amount: 1 }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    expect(await fails(shop.app, 'leads.reports', { from: TO, to: FROM })).toMatchObject({ code: 'VALIDATION_ERROR' });
  });

  it('exports the funnel and conversion, the forecast and the team as the tab shows them; the team file is for managers', async () => {
    const rows = (preview: { columns: { key: string }[]; rows: unknown[][] }) =>
      preview.rows.map((r) => Object.fromEntries(preview.columns.map((c, i) => [c.key, r[i]])));
    const funnel = rows(await ok(shop.app, 'export.preview', { report: 'leads-funnel', filters: { from: FROM, to: TO } }));
    expect(funnel.filter((r) => r.part === 'Tahap').map((r) => [r.name, r.leads, r.value])).toEqual(report.funnel.map((s) => [s.name, s.count, s.value]));
    expect(funnel.filter((r) => r.part === 'Saluran').map((r) => [r.leads, r.won, r.rate])).toEqual(report.byChannel.map((c) => [c.leads, c.won, c.rate]));
    expect(funnel.filter((r) => r.part === 'Kode kampanye')).toHaveLength(report.byCampaign.length);
    const forecast = rows(await ok(shop.app, 'export.preview', { report: 'leads-forecast', filters: {} }));
    expect(forecast.map((r) => r.weighted)).toEqual(
      [report.forecast.late, ...report.forecast.months.filter((m) => m.count > 0), report.forecast.undated].map((m) => m.weighted),
    );
    const team = rows(await ok(shop.app, 'export.preview', { report: 'leads-team', filters: { from: FROM, to: TO } }));
    expect(team.map((r) => [r.name, r.open_leads, r.won_count, r.won_value])).toEqual(report.team.map((r) => [r.name, r.openLeads, r.wonCount, r.wonValue]));
    expect(await fails(shop.app, 'export.preview', { report: 'leads-team', filters: {} }, 'andi')).toMatchObject({ code: 'FORBIDDEN' });
    expect((await ok(shop.app, 'export.reports', {}, 'andi')).filter((r) => r.id.startsWith('leads-')).map((r) => [r.id, r.allowed])).toEqual([
      ['leads-funnel', true],
      ['leads-forecast', true],
      ['leads-team', false],
    ]);
  });
});
